package org.vigil.device.transport;

import java.io.IOException;

/** A transport could not open its endpoint, for the typed reason {@link #problem()}. */
public final class LinkException extends IOException {

    private static final long serialVersionUID = 1L;

    private final transient LinkProblem problem;

    public LinkException(LinkProblem problem, Throwable cause) {
        super(problem.toString(), cause);
        this.problem = problem;
    }

    public LinkProblem problem() {
        return problem;
    }
}
