"""What the chapters call: prose figures computed by the model, through a role."""
import pytest

from widgets.book import total_text
from widgets.models.budget import SelectionError


def test_a_package_total_for_prose():
    # Bijlage 10, 2022: 4.1 2,88 (L11937), 4.3b 8 (L11946), 4.12a -26 (L11972)
    assert total_text("4.1 4.3b 4.12a/2022/saldo") == "\u221215,12"
    assert total_text("4.1 4.3b 4.12a/structureel/extra") == "20,8"


@pytest.mark.parametrize("reference, error", [
    ("4.1/2022", ValueError), ("4.1/2030/saldo", ValueError), ("4.1/2022/totaal", ValueError),
    ("4.3a 4.3b/2022/saldo", SelectionError), ("9.9/2022/saldo", SelectionError),
])
def test_a_wrong_reference_is_an_error(reference, error):
    with pytest.raises(error):
        total_text(reference)
