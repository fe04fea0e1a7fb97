package dev.warroom.metrics;

import dev.warroom.config.ConfigException;
import dev.warroom.config.ConfigJson;
import java.nio.file.Path;
import java.time.Duration;

/** Simulator scenarios: by name from {@code data/scenarios/} inside the application, or from a file. */
public final class Scenarios {

    private Scenarios() {
    }

    /** {@code nameOrPath} is a built-in scenario name or a path relative to {@code configFolder}. */
    public static Scenario load(String nameOrPath, Path configFolder) {
        if (nameOrPath.matches("[A-Za-z0-9_-]+")) {
            String resource = "data/scenarios/" + nameOrPath + ".json";
            if (Scenarios.class.getClassLoader().getResource(resource) != null) {
                String name = ConfigJson.builtIn(resource);
                return checked(ConfigJson.read(ConfigJson.resourceBytes(resource), name, Scenario.class, true), name);
            }
        }
        Path file = configFolder == null ? Path.of(nameOrPath) : configFolder.resolve(nameOrPath);
        return checked(ConfigJson.read(ConfigJson.fileBytes(file), file.toString(), Scenario.class, true),
                file.toString());
    }

    private static Scenario checked(Scenario s, String file) {
        if (s.keyframes().isEmpty()) {
            throw new ConfigException(file, "keyframes", "expected at least one keyframe");
        }
        if (!(s.noise() >= 0 && s.noise() < 1)) {
            throw new ConfigException(file, "noise", "expected a fraction from 0 up to 1, got " + s.noise());
        }
        Duration previous = Duration.ZERO;
        for (int i = 0; i < s.keyframes().size(); i++) {
            Scenario.Keyframe k = s.keyframes().get(i);
            if (k.at().isNegative() || k.at().compareTo(previous) < 0) {
                throw new ConfigException(file, "keyframes[" + i + "].at",
                        "expected a time not before the previous keyframe (" + previous + "), got " + k.at());
            }
            previous = k.at();
        }
        return s;
    }
}
