package uk.police.oversight.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What every operation of an Oversight OpenAPI document must have: an operationId, a tag, a summary, its roles, a security
 * requirement, 401 and 403 answers, a schema for every successful answer with a body, and every error answer as
 * problem+json.
 */
public final class OpenApiContract {

    private OpenApiContract() {
    }

    /** The defects of a document's `paths` (empty when it keeps the contract); counts operations into {@code seen}. */
    @SuppressWarnings("unchecked")
    public static List<String> defects(Map<String, Map<String, Map<String, Object>>> paths, int[] seen) {
        List<String> defects = new ArrayList<>();
        for (var path : paths.entrySet()) {
            for (var operation : path.getValue().entrySet()) {
                if (!List.of("get", "post", "put", "patch", "delete").contains(operation.getKey())) {
                    continue;
                }
                seen[0]++;
                String where = operation.getKey().toUpperCase() + " " + path.getKey();
                Map<String, Object> op = operation.getValue();
                String description = String.valueOf(op.get("description"));
                if (op.get("operationId") == null) {
                    defects.add(where + ": no operationId");
                }
                if (op.get("tags") == null) {
                    defects.add(where + ": no tag");
                }
                if (op.get("summary") == null || !(description.contains("Roles:") || description.startsWith("Same roles"))) {
                    defects.add(where + ": no summary or no roles in the description");
                }
                if (op.get("security") == null) {
                    defects.add(where + ": no security requirement");
                }
                Map<String, Map<String, Object>> responses = (Map<String, Map<String, Object>>) op.get("responses");
                for (String code : List.of("401", "403")) {
                    if (!responses.containsKey(code)) {
                        defects.add(where + ": no " + code);
                    }
                }
                for (var response : responses.entrySet()) {
                    if (response.getKey().startsWith("2") && !response.getKey().equals("204")
                            && response.getValue().get("content") == null) {
                        defects.add(where + " " + response.getKey() + ": an answer with a body but no schema for it");
                    }
                    if (response.getKey().startsWith("4") || response.getKey().startsWith("5")) {
                        Object content = response.getValue().get("content");
                        if (content == null || !content.toString().contains("application/problem+json")) {
                            defects.add(where + " " + response.getKey() + ": not problem+json");
                        }
                    }
                }
            }
        }
        return defects;
    }
}
