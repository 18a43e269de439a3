package org.safeguarding.rules.json;

import java.util.List;

import org.safeguarding.rules.api.FieldError;

/** A request that is not valid JSON of the decision model's shape; every error names its field. */
public final class InvalidRequestException extends Exception {
    private final List<FieldError> errors;

    public InvalidRequestException(List<FieldError> errors) {
        super(errors.size() + " invalid field(s)");
        this.errors = List.copyOf(errors);
    }

    public List<FieldError> errors() {
        return errors;
    }
}
