package dev.kexwatch.pages;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/** The page templates ({@code templates/pages/*.html}), checked against these parameters at build time. */
@CheckedTemplate(basePath = "pages")
final class Views {

    private Views() {
    }

    static native TemplateInstance error(Visitor v, String title, String message);

    static native TemplateInstance login(Visitor v, String then, String error);

    static native TemplateInstance fleet(Visitor v, FleetPage.View view);

    static native TemplateInstance host(Visitor v, HostPage.View view);

    static native TemplateInstance scans(Visitor v, java.util.List<ScansPage.Row> scans, String nextScan);

    static native TemplateInstance scan(Visitor v, ScansPage.Row scan);

    static native TemplateInstance compatibility(Visitor v, CompatibilityPage.View view);

    static native TemplateInstance compliance(Visitor v, CompliancePage.View view);
}
