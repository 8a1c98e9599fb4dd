package io.plansim.scenarios;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.plansim.evaluation.Panel;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The committed Penn World Table 9.1 extract is the one its export script wrote (its SHA-256) and holds the
 * whole table: 182 economies, 1950-2017. Reads the CSV from the classpath; needs no R.
 */
class PwtPanelTest {

    private static byte[] resource(String name) throws Exception {
        try (InputStream in = PwtPanelTest.class.getClassLoader().getResourceAsStream(name)) {
            assertTrue(in != null, name + " on the classpath");
            return in.readAllBytes();
        }
    }

    @Test
    void theCsvMatchesItsCommittedChecksum() throws Exception {
        byte[] csv = resource(Panel.PWT_RESOURCE);
        String recorded = new String(resource("scenarios/reference/pwt/pwt91.csv.sha256"), StandardCharsets.UTF_8).split("\\s+")[0];
        String actual = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(csv));
        assertEquals(recorded, actual);
    }

    @Test
    void theCsvHoldsAll182EconomiesFrom1950To2017() {
        Panel p = Panel.pwt();
        assertEquals(182, p.economies().size());
        assertEquals(12376, p.economies().stream().mapToInt(e -> e.lastYear() - e.firstYear() + 1).sum());
        assertTrue(p.economies().stream().allMatch(e -> e.firstYear() == 1950 && e.lastYear() == 2017));
        assertEquals(List.of("rgdpna", "rkna", "rnna", "emp", "hc", "labsh", "delta", "csh_i", "csh_x", "csh_m", "pop",
                "rtfpna", "cgdpo"), p.series());
        Panel.Economy chn = p.economies().stream().filter(e -> e.code().equals("CHN")).findFirst().orElseThrow();
        assertEquals("China", chn.name());
        // the row as exported: rgdpna 18978502 (mil. 2011 US$), pop 1409.517456 (millions) in 2017
        assertEquals(18978502, chn.value("rgdpna", 2017), 0);
        assertEquals(1409.517456, chn.value("pop", 2017), 0);
        Panel.Economy cod = p.economies().stream().filter(e -> e.code().equals("COD")).findFirst().orElseThrow();
        assertEquals("Congo, Democratic Republic", cod.name()); // a quoted name with a comma
    }
}
