package org.safeguarding.rules.api;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The incident cannot be decided: its facts contradict each other, or it is outside child
 * safeguarding. {@link #errors()} names every field involved. The message never contains
 * fact values.
 */
public final class IncidentRejectedException extends RuntimeException {
    private final List<FieldError> errors;

    public IncidentRejectedException(String title, List<FieldError> errors) {
        super(title + ": " + errors.stream().map(e -> e.field() + " " + e.message()).collect(Collectors.joining("; ")));
        this.errors = List.copyOf(errors);
    }

    public List<FieldError> errors() {
        return errors;
    }
}
