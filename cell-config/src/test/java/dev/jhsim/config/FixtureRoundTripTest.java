package dev.jhsim.config;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jhsim.config.binary.ConfigReader;
import dev.jhsim.config.binary.ConfigWriter;
import dev.jhsim.config.json.JsonForm;
import dev.jhsim.config.model.ConfigFile;
import dev.jhsim.config.model.SystemConfig;
import dev.jhsim.fixtures.ConfigFixtures;
import dev.jhsim.fixtures.ConfigFixtures.Fixture;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every gcc-built fixture, in every layout, reads, writes back byte-exactly and survives JSON. */
class FixtureRoundTripTest {

    static List<Fixture> fixtures() {
        return ConfigFixtures.all();
    }

    @Test
    void fixturesCoverEveryLayoutAndKind() {
        List<Fixture> all = fixtures();
        assertEquals(20, all.size(), "5 sources x 4 layouts");
        for (String layout : List.of("v12", "v13", "v14", "minervasys")) {
            assertTrue(all.stream().anyMatch(f -> f.layout().equals(layout) && f.isSystem()));
            assertTrue(all.stream().anyMatch(f -> f.layout().equals(layout) && !f.isSystem()));
        }
    }

    @ParameterizedTest
    @MethodSource("fixtures")
    void detectsLayoutAndKind(Fixture fixture) throws Exception {
        ConfigFile file = ConfigReader.read(fixture.bytes());
        assertEquals(fixture.layout(), file.layout().id());
        assertEquals(fixture.isSystem(), file instanceof SystemConfig);
    }

    @ParameterizedTest
    @MethodSource("fixtures")
    void binaryRoundTripIsByteExact(Fixture fixture) throws Exception {
        byte[] bytes = fixture.bytes();
        assertArrayEquals(bytes, ConfigWriter.write(ConfigReader.read(bytes)));
    }

    @ParameterizedTest
    @MethodSource("fixtures")
    void jsonRoundTripIsLossless(Fixture fixture) throws Exception {
        byte[] bytes = fixture.bytes();
        ConfigFile file = ConfigReader.read(bytes);
        String json = JsonForm.toJson(file);
        ConfigFile again = JsonForm.fromJson(json);
        assertEquals(file, again);
        assertArrayEquals(bytes, ConfigWriter.write(again));
        assertEquals(json, JsonForm.toJson(again));
    }
}
