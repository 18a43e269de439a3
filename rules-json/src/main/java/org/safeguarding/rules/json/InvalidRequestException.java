package org.safeguarding.rules.json;

import java.util.List;
import java.util.Optional;

import org.safeguarding.rules.api.Action;
import org.safeguarding.rules.api.FieldError;

/**
 * A request that is not valid JSON of the decision model's shape; every error names its field.
 * When the request said {@code "immediateDanger": true}, the refusal carries the advice to call
 * 999 ({@link #emergency()}): a child in danger is never answered without it.
 */
public final class InvalidRequestException extends Exception {
    private final List<FieldError> errors;
    private final transient Action emergency;

    public InvalidRequestException(List<FieldError> errors, Action emergency) {
        super(errors.size() + " invalid field(s)");
        this.errors = List.copyOf(errors);
        this.emergency = emergency;
    }

    public List<FieldError> errors() {
        return errors;
    }

    /** The CALL_999 action, when the request said a child is in immediate danger. */
    public Optional<Action> emergency() {
        return Optional.ofNullable(emergency);
    }
}
