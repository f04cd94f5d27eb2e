"""The blocks editors build the public site's pages from."""

from wagtail import blocks


class BodyBlock(blocks.StreamBlock):
    heading = blocks.CharBlock(form_classname="title", icon="title")
    paragraph = blocks.RichTextBlock(features=["bold", "italic", "link", "ol", "ul"])
    call_to_action = blocks.StructBlock(
        [
            ("text", blocks.CharBlock()),
            ("page", blocks.PageChooserBlock(required=False)),
            ("url", blocks.URLBlock(required=False)),
        ],
        icon="link",
    )
