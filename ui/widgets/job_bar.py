"""A slim strip that shows a background Job's progress with a Cancel button."""

from __future__ import annotations

from PySide6.QtCore import Slot
from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QPushButton, QWidget

from ui.worker import Job


class JobBar(QWidget):
    """Hidden until :meth:`watch` is given a job; hides itself when the job ends."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.job: Job | None = None
        self.label = QLabel()
        self.bar = QProgressBar()
        self.bar.setTextVisible(True)
        self.bar.setMinimumWidth(200)
        self.cancel_button = QPushButton(self.tr("&Hủy"))
        self.cancel_button.clicked.connect(self.cancel)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.label)
        layout.addWidget(self.bar, 1)
        layout.addWidget(self.cancel_button)
        self.hide()

    def watch(self, job: Job, text: str, *, cancellable: bool = True) -> None:
        """Show ``text`` and the job's progress until it finishes, fails or is cancelled.

        A job that cannot stop half-way (one database transaction) is not ``cancellable``:
        the Cancel button is hidden rather than offering what it cannot do.
        """
        self.job = job
        self.label.setText(text)
        self.bar.setRange(0, 0)  # busy until the first progress report
        self.cancel_button.setEnabled(True)
        self.cancel_button.setVisible(cancellable)
        self.bar.setAccessibleName(text)
        job.signals.progress.connect(self._progress)
        job.signals.finished.connect(self._done)
        job.signals.failed.connect(self._done)
        job.signals.cancelled.connect(self._done)
        self.show()

    @Slot()
    def cancel(self) -> None:
        if self.job is not None:
            self.job.cancel()
            self.cancel_button.setEnabled(False)
            self.label.setText(self.tr("Đang hủy…"))

    @Slot(int, int)
    def _progress(self, done: int, total: int) -> None:
        if total > 0:
            self.bar.setRange(0, total)
            self.bar.setValue(min(done, total))

    def _done(self, *_: object) -> None:
        self.job = None
        self.hide()
