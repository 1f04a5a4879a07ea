package io.signalbox.web;

/** One thing wrong with a request: where (a field path such as {@code product.team.members[0].username}) and what to do. */
public record FieldProblem(String field, String message) {}
