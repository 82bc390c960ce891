package uk.police.oversight.web.pages;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A GOV.UK error summary's items: each message, linked to the field it is about. */
public final class Errors {

    /** One item: the message and the id of the input it links to. */
    @io.quarkus.qute.TemplateData
    public record Item(String message, String href) {
    }

    private Errors() {
    }

    /** The summary of {@code fieldErrors}; {@code inputIds} maps a field whose first input has another id. */
    public static List<Item> summary(Map<String, String> fieldErrors, Map<String, String> inputIds) {
        List<Item> items = new ArrayList<>();
        fieldErrors.forEach((field, message) -> items.add(new Item(message, "#" + inputIds.getOrDefault(field, field))));
        return items;
    }
}
