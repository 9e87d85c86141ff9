package dev.ataemu.core.config;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * The Grandstream XML config format (INTERFACES 3.2):
 * {@code <gs_provision version="1"><mac>...</mac><config version="1"><P47>...</P47>...</config>}.
 * Read with external entities and DTDs refused and the nesting depth limited, as any file from the network must be.
 */
public final class ConfigXml {

    private static final int MAX_DEPTH = 16;

    private ConfigXml() {
    }

    /** The entries of the {@code config} element in file order ({@code P47} to its text); what was not read, and why. */
    public static ConfigText.Parsed parse(String xml) {
        return parse(xml, "");
    }

    /** The same, for the device {@code mac} (12 hex digits): a file whose {@code <mac>} names another is not read. */
    public static ConfigText.Parsed parse(String xml, String mac) {
        Map<String, String> entries = new LinkedHashMap<>();
        List<String> unreadable = new ArrayList<>();
        Document document;
        try {
            document = builder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            unreadable.add("not a readable XML config: " + e.getMessage());
            return new ConfigText.Parsed(entries, unreadable);
        }
        Element root = document.getDocumentElement();
        if (!"gs_provision".equals(root.getTagName())) {
            unreadable.add("the root element is <" + root.getTagName() + ">, not <gs_provision>");
            return new ConfigText.Parsed(entries, unreadable);
        }
        NodeList macs = root.getElementsByTagName("mac");
        if (!mac.isEmpty() && macs.getLength() > 0 && !macs.item(0).getTextContent().strip().equalsIgnoreCase(mac)) {
            unreadable.add("the file is for " + macs.item(0).getTextContent().strip() + ", not this device ("
                    + mac.toLowerCase() + ")");
            return new ConfigText.Parsed(entries, unreadable);
        }
        NodeList configs = root.getElementsByTagName("config");
        if (configs.getLength() == 0) {
            unreadable.add("no <config> element");
            return new ConfigText.Parsed(entries, unreadable);
        }
        NodeList children = configs.item(0).getChildNodes();
        for (int i = 0; i < children.getLength(); i++) {
            Node child = children.item(i);
            if (child instanceof Element element) {
                entries.put(element.getTagName(), element.getTextContent());
            }
        }
        return new ConfigText.Parsed(entries, unreadable);
    }

    private static DocumentBuilder builder() throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setXIncludeAware(false);
        factory.setExpandEntityReferences(false);
        // A config file is three elements deep; thousands of nested ones would overflow the stack of whoever reads them.
        factory.setAttribute("jdk.xml.maxElementDepth", Integer.toString(MAX_DEPTH));
        DocumentBuilder builder = factory.newDocumentBuilder();
        // Errors are reported through the parsed result, not printed.
        builder.setErrorHandler(new org.xml.sax.helpers.DefaultHandler());
        return builder;
    }
}
