package dev.kexwatch.cli;

import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;
import org.apache.maven.plugin.surefire.log.api.NullConsoleLogger;
import org.apache.maven.plugins.surefire.report.ReportTestSuite;
import org.apache.maven.plugins.surefire.report.TestSuiteXmlParser;

/** The schemas and consumers the CLI's reports are checked with (see {@code src/test/resources/schemas}). */
final class ReportReaders {

    private ReportReaders() {
    }

    /** The OASIS SARIF 2.1.0 schema (draft-07). */
    static Schema sarifSchema() {
        InputStream schema = ReportReaders.class.getResourceAsStream("/schemas/sarif-schema-2.1.0.json");
        return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7).getSchema(schema);
    }

    /** Validates a JUnit XML file against Jenkins' {@code junit-10.xsd}, then reads it as Maven Surefire does. */
    static List<ReportTestSuite> junit(Path file) throws Exception {
        SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI)
                .newSchema(ReportReaders.class.getResource("/schemas/junit-10.xsd")).newValidator()
                .validate(new StreamSource(file.toFile()));
        try (InputStream in = Files.newInputStream(file)) {
            return new TestSuiteXmlParser(new NullConsoleLogger()).parse(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
    }
}
