package org.llmtracker.api.web;

import org.llmtracker.crawler.catalog.CatalogException;
import org.llmtracker.graph.export.ImportRefusedException;
import org.llmtracker.graph.store.GraphUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/** Every error as RFC 9457 problem details, with what went wrong and, for parameters, which. */
@RestControllerAdvice
class ProblemHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);

    static final String INTERNAL_DETAIL = "The server could not answer this request; the error is logged.";

    @ExceptionHandler
    ProblemDetail notFound(NotFoundException e) {
        return problem(HttpStatus.NOT_FOUND, "Not found", e.getMessage());
    }

    @ExceptionHandler
    ProblemDetail badParameter(BadParameterException e) {
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "Bad parameter", e.getMessage());
        problem.setProperty("parameter", e.parameter());
        return problem;
    }

    @ExceptionHandler
    ProblemDetail badCatalogue(CatalogException e) {
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "Invalid catalogue entry", e.getMessage());
        problem.setProperty("problems", e.problems().stream().map(p -> java.util.Map.of(
                "entry", String.valueOf(p.entryId()), "field", String.valueOf(p.field()), "message", p.message())).toList());
        return problem;
    }

    @ExceptionHandler
    ProblemDetail typeMismatch(MethodArgumentTypeMismatchException e) {
        String expected = e.getRequiredType() == null ? "another type" : e.getRequiredType().getSimpleName();
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "Bad parameter",
                e.getName() + " '" + e.getValue() + "' is not a valid " + expected);
        problem.setProperty("parameter", e.getName());
        return problem;
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> graphUnavailable(GraphUnavailableException e) {
        log.warn("Graph store unavailable: {}", e.getMessage());
        ProblemDetail problem = problem(HttpStatus.SERVICE_UNAVAILABLE, "Graph store unavailable",
                "Neo4j cannot be reached right now; try again shortly.");
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, "10").body(problem);
    }

    /** Lineage reads while the ancestry index is built: when to ask again, and how far the build has come. */
    @ExceptionHandler
    ResponseEntity<ProblemDetail> ancestryBuilding(AncestryBuildingException e) {
        ProblemDetail problem = problem(HttpStatus.SERVICE_UNAVAILABLE, "Ancestry index being built", e.getMessage());
        problem.setProperty("phase", e.progress().phase());
        problem.setProperty("batchesDone", e.progress().done());
        problem.setProperty("batches", e.progress().total());
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, "60").body(problem);
    }

    @ExceptionHandler
    ProblemDetail importRefused(ImportRefusedException e) {
        return problem(HttpStatus.CONFLICT, "Import refused", e.getMessage());
    }

    /** A body too large, malformed, with unknown fields or nested too deep: said in the body's own terms. */
    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "Bad body", "the request body could not be read");
        problem.setProperty("parameter", "body");
        // The cap first: the JSON parser wraps the stream's refusal in an exception of its own.
        for (Throwable cause = ex.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof BodyLimitFilter.BodyTooLargeException tooLarge) {
                problem = problem(HttpStatus.CONTENT_TOO_LARGE, "Content too large", tooLarge.getMessage());
                return handleExceptionInternal(ex, problem, headers, HttpStatus.CONTENT_TOO_LARGE, request);
            }
        }
        for (Throwable cause = ex.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof tools.jackson.core.JacksonException json) {
                problem.setDetail(JsonBodies.describe(json));
                break;
            }
        }
        return handleExceptionInternal(ex, problem, headers, HttpStatusCode.valueOf(problem.getStatus()), request);
    }

    /** Whatever is left: logged with its stack, answered without a word about the code that broke. */
    @ExceptionHandler
    ProblemDetail unexpected(Exception e) {
        log.error("Unexpected error answering a request", e);
        return problem(HttpStatus.INTERNAL_SERVER_ERROR, "Internal error", INTERNAL_DETAIL);
    }

    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
            HttpStatusCode statusCode, WebRequest request) {
        if (body instanceof ProblemDetail problem && ex instanceof org.springframework.web.bind.MissingServletRequestParameterException missing) {
            problem.setProperty("parameter", missing.getParameterName());
        }
        return super.handleExceptionInternal(ex, body, headers, statusCode, request);
    }

    static ProblemDetail problem(HttpStatus status, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        return problem;
    }
}
