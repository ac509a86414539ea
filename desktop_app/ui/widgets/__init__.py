"""Generic widgets shared by the panes: validated fields, optional dates, PDF preview."""

from desktop_app.ui.widgets.date_edit import OptionalDateEdit
from desktop_app.ui.widgets.field_box import FieldBox, mark_invalid
from desktop_app.ui.widgets.pdf_preview import (
    PdfPreview,
    PdfRenderError,
    print_page_images,
    render_pdf_pages,
)

__all__ = [
    "FieldBox",
    "OptionalDateEdit",
    "PdfPreview",
    "PdfRenderError",
    "mark_invalid",
    "print_page_images",
    "render_pdf_pages",
]
