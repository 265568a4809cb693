"""Add a connection: an `ssh://` or `tcp://` engine (TLS verified by default), tested first."""

from __future__ import annotations

import asyncio
from concurrent.futures import ThreadPoolExecutor
from urllib.parse import urlsplit

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from services.diagnostics import Diagnosis, diagnose
from services.endpoints import Endpoint, TLSSettings
from ui.i18n import in_language

SCHEMES = ("tcp", "ssh", "unix", "npipe")


def url_problem(url: str) -> str:
    """Why `url` is not an engine address (translated), or "" when it is one."""
    parts = urlsplit(url.strip())
    if parts.scheme not in SCHEMES:
        return QCoreApplication.translate(
            "ConnectionDialog", "Use tcp://HOST:PORT, ssh://USER@HOST or unix:///PATH."
        )
    if parts.scheme in ("tcp", "ssh") and not parts.hostname:
        return QCoreApplication.translate("ConnectionDialog", "The address has no host name.")
    if parts.scheme == "unix" and not parts.path:
        return QCoreApplication.translate("ConnectionDialog", "The address has no socket path.")
    return ""


class ConnectionDialog(QDialog):
    """Name, address and TLS files; Test runs the same diagnosis as the window does."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("connectionDialog")
        self.setWindowTitle(self.tr("Add connection"))
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="moorage-check")
        self.finished.connect(lambda: self._executor.shutdown(wait=False))

        self.name_input = QLineEdit()
        self.name_input.setObjectName("connectionName")
        self.name_input.setPlaceholderText(self.tr("build server"))
        self.url_input = QLineEdit()
        self.url_input.setObjectName("connectionUrl")
        self.url_input.setPlaceholderText("ssh://me@build.example.com  tcp://10.0.0.5:2376")
        self.url_error = QLabel()
        self.url_error.setObjectName("connectionUrlError")
        self.url_error.setStyleSheet("color: #c62828")

        self.tls_box = QGroupBox(self.tr("TLS (for tcp://)"))
        self.tls_box.setCheckable(True)
        self.tls_box.setChecked(False)
        self.tls_box.setObjectName("connectionTls")
        tls_form = QFormLayout(self.tls_box)
        self.ca_input = self._file_row(tls_form, self.tr("CA certificate (ca.pem)"), "tlsCa")
        self.cert_input = self._file_row(
            tls_form, self.tr("Client certificate (cert.pem)"), "tlsCert"
        )
        self.key_input = self._file_row(tls_form, self.tr("Client key (key.pem)"), "tlsKey")
        self.verify = QCheckBox(self.tr("Verify the engine's certificate (recommended)"))
        self.verify.setObjectName("tlsVerify")
        self.verify.setChecked(True)
        tls_form.addRow(self.verify)

        self.test_button = QPushButton(self.tr("Test"))
        self.test_button.setObjectName("testConnection")
        self.test_button.clicked.connect(self._test)
        self.test_result = QLabel()
        self.test_result.setObjectName("connectionTestResult")
        self.test_result.setWordWrap(True)

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        form = QFormLayout()
        form.addRow(self.tr("Name"), self.name_input)
        form.addRow(self.tr("Address"), self.url_input)
        form.addRow("", self.url_error)
        test_row = QHBoxLayout()
        test_row.addWidget(self.test_button)
        test_row.addWidget(self.test_result, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.tls_box)
        layout.addLayout(test_row)
        layout.addWidget(self.buttons)
        self.resize(560, 0)
        for field in (self.name_input, self.url_input):
            field.textChanged.connect(self._check)
        self._check()

    def _file_row(self, form: QFormLayout, label: str, name: str) -> QLineEdit:
        field = QLineEdit()
        field.setObjectName(name)
        browse = QPushButton(self.tr("Browse…"))
        browse.clicked.connect(
            lambda: field.setText(QFileDialog.getOpenFileName(self, label)[0] or field.text())
        )
        row = QHBoxLayout()
        row.addWidget(field, 1)
        row.addWidget(browse)
        form.addRow(label, row)
        return field

    def name(self) -> str:
        return self.name_input.text().strip()

    def url(self) -> str:
        return self.url_input.text().strip()

    def tls(self) -> TLSSettings | None:
        if not self.tls_box.isChecked():
            return None
        return TLSSettings(
            self.ca_input.text().strip() or None,
            self.cert_input.text().strip() or None,
            self.key_input.text().strip() or None,
            self.verify.isChecked(),
        )

    def _check(self) -> None:
        problem = url_problem(self.url()) if self.url() else ""
        self.url_error.setText(problem)
        ok = bool(self.name()) and bool(self.url()) and not problem
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(ok)
        self.test_button.setEnabled(bool(self.url()) and not problem)

    def _test(self) -> None:
        self.test_result.setText(self.tr("Testing…"))
        self.test_button.setEnabled(False)
        endpoint = Endpoint(self.url(), "being added", self.tls())
        future = asyncio.get_running_loop().run_in_executor(self._executor, diagnose, endpoint)
        future.add_done_callback(lambda done: self._show_test(done.result()))

    def _show_test(self, diagnosis: Diagnosis) -> None:
        self.test_button.setEnabled(True)
        if diagnosis.healthy:
            self.test_result.setStyleSheet("color: #2e7d32")
            self.test_result.setText(diagnosis.headline.text(in_language))
        else:
            self.test_result.setStyleSheet("color: #c62828")
            self.test_result.setText(
                f"{diagnosis.headline.text(in_language)}: {diagnosis.explain(in_language)}"
            )
