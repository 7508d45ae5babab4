package org.vigil.console;

import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;
import org.vigil.console.session.CsrfTokens;
import org.vigil.console.session.SessionCookie;
import org.vigil.tenancy.Caller;
import org.vigil.tenancy.HospitalService;

/** What the page frame needs about the signed-in key: templates read it as {@code inject:viewer}. */
@Named("viewer")
@RequestScoped
public class Viewer {

    private final Caller caller;
    private final HospitalService hospitals;
    private final HttpServerRequest request;
    private String hospitalName;

    public Viewer(Caller caller, HospitalService hospitals, HttpServerRequest request) {
        this.caller = caller;
        this.hospitals = hospitals;
        this.request = request;
    }

    /** The CSRF token every form of this session carries in its {@code csrf-token} field. */
    public String getCsrfToken() {
        var cookie = request.getCookie(SessionCookie.NAME);
        return CsrfTokens.forSession(cookie == null ? null : cookie.getValue());
    }

    /** False on the sign-in page and on error pages shown before a session was found. */
    public boolean isSignedIn() {
        return caller.actor() != null;
    }

    public boolean isOperator() {
        return caller.isOperator();
    }

    /** The hospital's name for hospital keys, "Operator" for the operator key. */
    public String getName() {
        if (hospitalName == null) {
            hospitalName = caller.isOperator() ? "Operator" : hospitals.get(caller.hospitalId()).name;
        }
        return hospitalName;
    }

    /** The prefix of the key in use, never the key. */
    public String getKeyPrefix() {
        return caller.actor();
    }
}
