package uk.police.oversight.common.web;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import uk.police.oversight.common.problem.QueryParameters;

/** The paging query parameters every list takes: `page` (0-based), `size` (1–500, default 50), `sort`. */
public class PageParams implements QueryParameters {

    public static final int MAX_SIZE = 500;

    @QueryParam("page")
    @DefaultValue("0")
    @Min(value = 0, message = "must be 0 or more")
    @Max(value = 1_000_000, message = "must be at most 1000000")
    @Parameter(description = "0-based page number", example = "0")
    public int page;

    @QueryParam("size")
    @DefaultValue("50")
    @Min(value = 1, message = "must be between 1 and 500")
    @Max(value = MAX_SIZE, message = "must be between 1 and 500")
    @Parameter(description = "Page size, 1 to 500", example = "50")
    public int size;

    @QueryParam("sort")
    @Size(max = 60)
    @Parameter(description = "`field,asc` or `field,desc`; the fields each list allows are listed in its description")
    public String sort;
}
