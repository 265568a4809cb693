"""The shared colours and title font reach the widgets that use them."""

from PySide6.QtWidgets import QLabel

from ui.style import ERROR, colour, make_title, set_text_colour


def colours_painted(label: QLabel) -> set[str]:
    image = label.grab().toImage()
    return {
        image.pixelColor(x, y).name()
        for x in range(0, image.width(), 2)
        for y in range(0, image.height(), 2)
    }


def test_text_is_painted_in_the_colour_given_then_in_the_theme_s_again(qtbot):
    """set_text_colour(label, None) takes the colour away, as an error that went away must."""
    label = QLabel("█████")
    qtbot.addWidget(label)
    set_text_colour(label, ERROR)
    assert colour(ERROR).name() in colours_painted(label)
    set_text_colour(label, None)
    assert colour(ERROR).name() not in colours_painted(label)


def test_a_title_is_larger_and_bold(qtbot):
    """Every page's title stands out from its body text the same way."""
    body = QLabel("Body")
    title = QLabel("Title")
    qtbot.addWidget(body)
    qtbot.addWidget(title)
    make_title(title)
    assert title.font().bold() and not body.font().bold()
    assert title.font().pointSizeF() > body.font().pointSizeF()
