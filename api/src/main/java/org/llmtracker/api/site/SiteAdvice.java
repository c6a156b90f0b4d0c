package org.llmtracker.api.site;

import org.llmtracker.api.web.BadParameterException;
import org.llmtracker.api.web.NotFoundException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.ModelAndView;

/**
 * What every page has at hand ({@code links}, {@code fmt}), and errors as pages: the API's
 * handler answers problem+json, which a person following a link should not meet. Ordered
 * before it, and limited to the page controllers.
 */
@ControllerAdvice(basePackageClasses = SiteAdvice.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class SiteAdvice {

    private static final SiteLinks LINKS = new SiteLinks();
    private static final SiteFormat FORMAT = new SiteFormat();

    @ModelAttribute("links")
    SiteLinks links() {
        return LINKS;
    }

    @ModelAttribute("fmt")
    SiteFormat format() {
        return FORMAT;
    }

    @ExceptionHandler
    ModelAndView notFound(NotFoundException e) {
        return error(HttpStatus.NOT_FOUND, "Not found", e.getMessage());
    }

    @ExceptionHandler
    ModelAndView badParameter(BadParameterException e) {
        return error(HttpStatus.BAD_REQUEST, "Bad parameter", e.getMessage());
    }

    @ExceptionHandler
    ModelAndView typeMismatch(MethodArgumentTypeMismatchException e) {
        return error(HttpStatus.BAD_REQUEST, "Bad parameter", e.getName() + " '" + e.getValue() + "' is not a valid value");
    }

    private static ModelAndView error(HttpStatus status, String title, String detail) {
        ModelAndView page = new ModelAndView("error-page", status);
        page.addObject("title", title);
        page.addObject("detail", detail);
        page.addObject("status", status.value());
        page.addObject("links", LINKS);
        page.addObject("fmt", FORMAT);
        return page;
    }
}
