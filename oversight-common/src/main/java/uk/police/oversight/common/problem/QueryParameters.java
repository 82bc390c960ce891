package uk.police.oversight.common.problem;

/** Marks a {@code @BeanParam} class of query parameters, so its constraint violations answer 400, not 422. */
public interface QueryParameters {
}
