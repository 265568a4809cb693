"""Add or edit a connection: an `ssh://` or `tcp://` engine (TLS verified by default), tested
first."""

from __future__ import annotations

import asyncio
from concurrent.futures import ThreadPoolExecutor

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

from models.connections import Connection, ConnectionsStore
from services.addresses import ACCEPTED_FORMS, address_problem
from services.diagnostics import diagnose
from services.endpoints import Endpoint, TLSSettings
from services.findings import Diagnosis
from services.text import fill
from ui.i18n import in_language, sentences
from ui.style import ERROR, OK, set_text_colour


def url_problem(url: str) -> str:
    """Why `url` is not an engine address, with the forms that are (translated), or ""."""
    problem = address_problem(url.strip())
    if problem is None:
        return ""
    return sentences([problem.text(in_language), in_language(ACCEPTED_FORMS)])


class ConnectionDialog(QDialog):
    """Name, address and TLS files; Test runs the same diagnosis as the window does.

    Given `connections`, a name or an address another saved connection has is refused;
    given `editing` too, the dialog starts from that connection and may keep its own.
    """

    def __init__(
        self,
        parent: QWidget | None = None,
        connections: ConnectionsStore | None = None,
        editing: Connection | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("connectionDialog")
        self._connections = connections
        self._editing = editing
        self.setWindowTitle(self.tr("Edit connection") if editing else self.tr("Add connection"))
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
        set_text_colour(self.url_error, ERROR)
        self.url_error.setWordWrap(True)

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
        self.verify_warning = QLabel(
            self.tr(
                "Without verification, anyone on the way to the engine can pretend to be it, "
                "see everything sent to it and control it. Turn it off only for an engine you "
                "are testing."
            )
        )
        self.verify_warning.setObjectName("tlsVerifyWarning")
        self.verify_warning.setWordWrap(True)
        set_text_colour(self.verify_warning, ERROR)
        self.verify_warning.hide()
        self.verify.toggled.connect(lambda on: self.verify_warning.setVisible(not on))
        tls_form.addRow(self.verify_warning)

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
        if editing is not None:
            self.name_input.setText(editing.name)
            self.url_input.setText(editing.url)
            if editing.tls is not None:
                self.tls_box.setChecked(True)
                self.ca_input.setText(editing.tls.ca_cert or "")
                self.cert_input.setText(editing.tls.client_cert or "")
                self.key_input.setText(editing.tls.client_key or "")
                self.verify.setChecked(editing.tls.verify)
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
        not_an_address = url_problem(self.url()) if self.url() else ""
        problem = not_an_address
        taken = None
        if self._connections is not None and self.name() and self.url():
            replaces = self._editing.key if self._editing else None
            taken = self._connections.conflict(self.name(), self.url(), replaces)
        if not problem and taken is not None:
            template = (
                self.tr("The saved connection “%1” has this name already.")
                if taken.name == self.name()
                else self.tr("The saved connection “%1” uses this address already.")
            )
            problem = fill(template, taken.name)
        self.url_error.setText(problem)
        ok = bool(self.name()) and bool(self.url()) and not problem
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(ok)
        self.test_button.setEnabled(bool(self.url()) and not not_an_address)

    def _test(self) -> None:
        self.test_result.setText(self.tr("Testing…"))
        self.test_button.setEnabled(False)
        endpoint = Endpoint(self.url(), "being added", self.tls())
        future = asyncio.get_running_loop().run_in_executor(self._executor, diagnose, endpoint)
        future.add_done_callback(lambda done: self._show_test(done.result()))

    def _show_test(self, diagnosis: Diagnosis) -> None:
        self.test_button.setEnabled(True)
        if diagnosis.healthy:
            set_text_colour(self.test_result, OK)
            self.test_result.setText(diagnosis.headline.text(in_language))
        else:
            set_text_colour(self.test_result, ERROR)
            explanation = [sentence.text(in_language) for sentence in diagnosis.explanation]
            self.test_result.setText(
                fill(
                    self.tr("%1: %2"), diagnosis.headline.text(in_language), sentences(explanation)
                )
            )
