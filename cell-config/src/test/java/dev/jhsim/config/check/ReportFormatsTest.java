package dev.jhsim.config.check;

import static dev.jhsim.config.check.TestSets.arm64Cell;
import static dev.jhsim.config.check.TestSets.arm64System;
import static dev.jhsim.config.check.TestSets.set;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** The JSON and JUnit forms of a report carry the same findings as the text. */
class ReportFormatsTest {
    /** Cells "a&<b" (overlapping regions inside) and "clean", which shares CPU 1 with it. */
    private static final CheckReport REPORT = ConfigChecker.check(set(arm64System(), arm64Cell("a&<b", """
            ,
                {"phys_start": "0x7fa08000", "virt_start": "0x8000", "size": "0x10000", "flags": "READ|WRITE"}"""),
            arm64Cell("clean", "").replace("0x7fa00000", "0x7fa20000")));

    @Test
    void jsonListsTheSetAndEveryCheckWithItsFindings() throws Exception {
        JsonNode json = new ObjectMapper().readTree(JsonReport.render(REPORT));
        assertEquals("arm64", json.get("architecture").asText());
        assertEquals("root", json.at("/cells/0/role").asText());
        assertEquals("a&<b", json.at("/cells/1/name").asText());
        assertEquals("cell1.json", json.at("/cells/1/file").asText());
        assertEquals(REPORT.findingCount(), json.get("findings").asInt());
        assertEquals(REPORT.sections().size(), json.get("checks").size());
        JsonNode first = json.at("/checks/0");
        assertEquals("overlap-in-cell", first.get("id").asText());
        JsonNode finding = first.at("/findings/0");
        assertEquals("a&<b", finding.get("cell").asText());
        assertEquals("region", finding.get("element").asText());
        assertEquals(0, finding.get("index").asInt());
        assertEquals("physically and virtually overlaps with region 2", finding.get("problem").asText());
        assertFalse(finding.get("hint").asText().isEmpty());
        assertFalse(finding.has("location"), "JSON input has no source location");
        JsonNode cpus = json.findValues("findings").stream().filter(JsonNode::isArray)
                .flatMap(a -> java.util.stream.StreamSupport.stream(a.spliterator(), false))
                .filter(f -> f.get("element").asText().equals("CPU set")).findFirst().orElseThrow();
        assertFalse(cpus.has("index"), "the CPU set is no array element");
    }

    @Test
    void junitHasOneTestCasePerCheckAndCell() throws Exception {
        String xml = JunitReport.render(REPORT);
        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
        NodeList cases = doc.getElementsByTagName("testcase");
        int cells = 3;
        assertEquals(REPORT.sections().size() * cells, cases.getLength());
        Element suite = (Element) doc.getElementsByTagName("testsuite").item(0);
        assertEquals(String.valueOf(cases.getLength()), suite.getAttribute("tests"));

        Element overlap = find(cases, "config-check.overlap-in-cell", "a&<b");
        Element failure = (Element) overlap.getElementsByTagName("failure").item(0);
        assertEquals("region 0: physically and virtually overlaps with region 2", failure.getAttribute("message"));
        assertTrue(failure.getTextContent().contains("In cell 'a&<b', region 0\n"), failure.getTextContent());
        assertEquals(0, find(cases, "config-check.overlap-in-cell", "clean").getElementsByTagName("failure")
                .getLength());
        assertEquals(1, find(cases, "config-check.cpu-shared", "clean").getElementsByTagName("failure")
                .getLength());
        assertEquals("2", suite.getAttribute("failures"));
    }

    private static Element find(NodeList cases, String classname, String name) {
        for (int i = 0; i < cases.getLength(); i++) {
            Element e = (Element) cases.item(i);
            if (e.getAttribute("classname").equals(classname) && e.getAttribute("name").equals(name)) {
                return e;
            }
        }
        throw new AssertionError("no test case " + classname + " / " + name);
    }
}
