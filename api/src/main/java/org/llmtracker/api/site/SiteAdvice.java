package org.llmtracker.api.site;

import java.util.Locale;

import org.llmtracker.api.i18n.Texts;
import org.llmtracker.api.web.BadParameterException;
import org.llmtracker.api.web.NotFoundException;
import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.ModelAndView;

import jakarta.servlet.http.HttpServletRequest;

/**
 * What every page has at hand ({@code links}, {@code fmt}), and errors as pages: the API's
 * handler answers problem+json, which a person following a link should not meet. Ordered
 * before it, and limited to the page controllers.
 */
@ControllerAdvice(basePackageClasses = SiteAdvice.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class SiteAdvice {

    private static final SiteLinks LINKS = new SiteLinks();

    private final MessageSource messages;

    SiteAdvice(MessageSource messages) {
        this.messages = messages;
    }

    @ModelAttribute("links")
    SiteLinks links() {
        return LINKS;
    }

    @ModelAttribute("fmt")
    SiteFormat format(Locale locale) {
        return new SiteFormat(new Texts(messages, locale));
    }

    /** The link that shows this same page in the other language. */
    @ModelAttribute("otherLanguage")
    LanguageLink otherLanguage(Locale locale, HttpServletRequest request) {
        return LanguageLink.of(locale, request, messages);
    }

    // The detail names the id or value in the words of the API (English): it is the exact refusal.
    @ExceptionHandler
    ModelAndView notFound(NotFoundException e, Locale locale, HttpServletRequest request) {
        return error(HttpStatus.NOT_FOUND, "error.notFound", e.getMessage(), locale, request);
    }

    @ExceptionHandler
    ModelAndView badParameter(BadParameterException e, Locale locale, HttpServletRequest request) {
        return error(HttpStatus.BAD_REQUEST, "error.badParameter", e.getMessage(), locale, request);
    }

    @ExceptionHandler
    ModelAndView typeMismatch(MethodArgumentTypeMismatchException e, Locale locale, HttpServletRequest request) {
        return error(HttpStatus.BAD_REQUEST, "error.badParameter",
                e.getName() + " '" + e.getValue() + "' is not a valid value", locale, request);
    }

    private ModelAndView error(HttpStatus status, String title, String detail, Locale locale, HttpServletRequest request) {
        SiteFormat format = format(locale);
        ModelAndView page = new ModelAndView("error-page", status);
        page.addObject("title", format.msg(title));
        page.addObject("detail", detail);
        page.addObject("status", status.value());
        page.addObject("links", LINKS);
        page.addObject("fmt", format);
        page.addObject("otherLanguage", otherLanguage(locale, request));
        return page;
    }
}
