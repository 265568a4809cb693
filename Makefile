# Everyday commands: `make run`, `make test`. Each sets up .venv first when needed.
#   make run ARGS="--page images"       options for main.py
#   make test PYTEST_ARGS="-k registry" options for pytest
#   make bench BENCH_ARGS="--runs 5"    options for benchmarks/run.py (not part of make test)
#   make package; make check-package   the .deb, .rpm and tarball in dist/; install-run-remove proof

PYTHON ?= python3
VENV := .venv
VENV_DONE := $(VENV)/.done
BIN := $(VENV)/bin
LDCONFIG := $(shell command -v ldconfig 2>/dev/null || echo /sbin/ldconfig)

TS_FILES := $(wildcard resources/translations/*.ts)
QM_FILES := $(TS_FILES:.ts=.qm)

# soname=Debian package of what Qt in the PySide6 wheels loads from the system, even offscreen...
QT_BASE_LIBS := libEGL.so.1=libegl1 libGL.so.1=libgl1 libfontconfig.so.1=libfontconfig1 \
	libfreetype.so.6=libfreetype6 libX11.so.6=libx11-6 libglib-2.0.so.0=libglib2.0-0 \
	libxkbcommon.so.0=libxkbcommon0 libdbus-1.so.3=libdbus-1-3
# ...and what its xcb platform plugin (a real window on X11) loads on top of that.
QT_XCB_LIBS := libxcb.so.1=libxcb1 libX11-xcb.so.1=libx11-xcb1 \
	libxkbcommon-x11.so.0=libxkbcommon-x11-0 libxcb-cursor.so.0=libxcb-cursor0 \
	libxcb-icccm.so.4=libxcb-icccm4 libxcb-image.so.0=libxcb-image0 \
	libxcb-keysyms.so.1=libxcb-keysyms1 libxcb-randr.so.0=libxcb-randr0 \
	libxcb-render-util.so.0=libxcb-render-util0 libxcb-render.so.0=libxcb-render0 \
	libxcb-shape.so.0=libxcb-shape0 libxcb-shm.so.0=libxcb-shm0 libxcb-sync.so.1=libxcb-sync1 \
	libxcb-util.so.1=libxcb-util1 libxcb-xfixes.so.0=libxcb-xfixes0 libxcb-xkb.so.1=libxcb-xkb1
# The platform `make run` will use: offscreen and minimal need no X11 libraries.
QT_PLATFORM := $(firstword $(subst :, ,$(QT_QPA_PLATFORM)))
RUN_LIBS := $(QT_BASE_LIBS) $(if $(filter offscreen minimal,$(QT_PLATFORM)),,$(QT_XCB_LIBS))

# Fail with the exact apt-get line when a library in $(1) (soname=package pairs) is missing:
# Qt would otherwise abort with "could not load the Qt platform plugin" and no package name.
define require_libs
	@have="$$($(LDCONFIG) -p | awk '{print $$1}')"; missing=""; \
	for pair in $(1); do \
		printf '%s\n' "$$have" | grep -qxF "$${pair%%=*}" || missing="$$missing $${pair#*=}"; \
	done; \
	if [ -n "$$missing" ]; then \
		echo "Qt needs system libraries that are missing here. Install them with:"; \
		echo "  sudo apt-get install$$missing"; \
		exit 1; \
	fi
endef

.PHONY: venv run test bench lint translations lock package check-package clean distclean

venv: $(VENV_DONE)

# pyproject.toml declares the dependencies and requirements.lock pins them; installing the
# project itself puts nothing into site-packages (the app runs from this checkout).
$(VENV_DONE): pyproject.toml requirements.lock
	@$(PYTHON) -c 'import ensurepip, venv' 2>/dev/null || { \
		echo "$(PYTHON) cannot create a virtual environment (Debian ships venv apart)."; \
		echo "Install it with:"; \
		echo "  sudo apt-get install python3-venv"; \
		exit 1; }
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --disable-pip-version-check --progress-bar off \
		-c requirements.lock ".[dev]"
	@rm -rf build moorage.egg-info
	@touch $@

translations: $(QM_FILES)

resources/translations/%.qm: resources/translations/%.ts | $(VENV_DONE)
	$(BIN)/pyside6-lrelease -silent $< -qm $@

run: $(VENV_DONE) translations
	$(call require_libs,$(RUN_LIBS))
	$(BIN)/python main.py $(ARGS)

# mypy checks what pyproject.toml's [tool.mypy] lists: main.py, services/, models/, ui/
# and the proof that DockerEngine and the tests' fake engine share one interface.
lint: $(VENV_DONE)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy
	$(BIN)/python -m pytest -q -p no:cacheprovider tests/unit/test_layers.py

test: lint translations
	$(call require_libs,$(QT_BASE_LIBS))
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest $(PYTEST_ARGS)

# Start-up, memory, idle cost, live latency and smoothness against a private engine of its
# own (root, like the engine tests), in a real window under Xvfb: about ten minutes.
bench: $(VENV_DONE) translations
	$(call require_libs,$(QT_BASE_LIBS) $(QT_XCB_LIBS))
	$(BIN)/python -m benchmarks.run $(BENCH_ARGS)

# The PyInstaller one-folder build, the .deb, the .rpm and the portable tarball, in dist/, with
# their sizes against the budgets (Debian/Ubuntu; it names the apt packages of missing tools).
package: $(VENV_DONE) translations
	$(BIN)/python packaging/build.py

# Install dist/'s .deb on this machine, run it against a private engine, remove it and check
# that nothing is left; then the .rpm: the .deb's files, installed into a scratch root. Root,
# and it changes the system: CI runs it after `make package`.
check-package: $(VENV_DONE)
	$(BIN)/python -m tests.packaging.check_deb $(DEB)
	$(BIN)/python -m tests.packaging.check_rpm $(RPM) $(if $(DEB),--deb $(DEB))

# Pin what the current .venv holds (after changing dependencies in pyproject.toml).
lock: $(VENV_DONE)
	$(BIN)/pip freeze --exclude moorage > requirements.lock

clean:
	rm -rf build dist moorage.egg-info .pytest_cache .ruff_cache .mypy_cache $(QM_FILES)
	find . -path ./$(VENV) -prune -o -name __pycache__ -type d -prune -exec rm -rf {} +

distclean: clean
	rm -rf $(VENV)
