"""The tables' view as `make_table_view` makes it: its viewport drawn as Qt's own would be."""

from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QTableView

from models.containers import ContainersModel
from ui.table_page import make_table_view


def test_the_viewport_made_for_a_table_is_filled_as_qts_own(qtbot):
    """make_table_view gives its view a viewport of its own making (taking Qt's through
    PySide6 costs every start-up ~20 ms): where no row is, it must be filled in the Base
    colour as a plain QTableView's is, not left in the window's colour."""
    ours = make_table_view(ContainersModel(), "containersView", [120] * 7)
    plain = QTableView()
    pictures = []
    for view in (ours, plain):
        qtbot.addWidget(view)
        view.resize(400, 300)
        view.show()
        qtbot.waitExposed(view)
        viewport = view.viewport()
        assert viewport.backgroundRole() == QPalette.ColorRole.Base
        assert viewport.autoFillBackground()
        pictures.append(viewport.grab().toImage())
    base = ours.palette().color(QPalette.ColorRole.Base)
    assert base != ours.palette().color(QPalette.ColorRole.Window)
    for picture in pictures:
        assert picture.pixelColor(picture.width() // 2, picture.height() - 5) == base
