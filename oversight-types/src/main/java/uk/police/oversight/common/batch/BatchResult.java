package uk.police.oversight.common.batch;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The answer to a batch upsert: one result per item, in request order, and the counts. */
@Schema(requiredProperties = {"results", "created", "updated", "unchanged", "rejected"}, name = "BatchResult")
public record BatchResult(
        List<BatchItemResult> results,
        @Schema(examples = "998") long created,
        @Schema(examples = "0") long updated,
        @Schema(examples = "0") long unchanged,
        @Schema(examples = "2") long rejected) {

    public static BatchResult of(List<BatchItemResult> results) {
        return new BatchResult(results,
                count(results, BatchItemResult.CREATED), count(results, BatchItemResult.UPDATED),
                count(results, BatchItemResult.UNCHANGED), count(results, BatchItemResult.REJECTED));
    }

    private static long count(List<BatchItemResult> results, String result) {
        return results.stream().filter(r -> r.result().equals(result)).count();
    }
}
