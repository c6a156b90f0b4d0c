package org.llmtracker.api.web;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;

/**
 * Tomcat's own error pages (a raw {@code \} or {@code %00} in the URL is refused by the container
 * before any filter runs) carry the same security headers as every other answer, and no server
 * details. Installed as the host's error report valve.
 */
public final class SecureErrorReportValve extends ErrorReportValve {

    public SecureErrorReportValve() {
        setShowServerInfo(false);
        setShowReport(false);
    }

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        if (!response.isCommitted()) {
            SecurityHeaders.STATIC.forEach(response::setHeader);
        }
        super.report(request, response, throwable);
    }
}
