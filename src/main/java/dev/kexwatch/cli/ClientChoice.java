package dev.kexwatch.cli;

import dev.kexwatch.negotiation.ClientProfile;
import dev.kexwatch.negotiation.ClientProfiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Resolves {@code --client PROFILE|FILE}: a built-in profile id, or a YAML file of profiles (every profile in
 * it is used). Ids stay unique, so a file cannot shadow a built-in profile.
 */
final class ClientChoice {

    private ClientChoice() {
    }

    /**
     * The chosen profiles in the order given, duplicates dropped.
     *
     * @throws IllegalArgumentException for an unknown id (the message lists the known ones)
     * @throws dev.kexwatch.negotiation.ProfileFormatException for a broken file, with line and column
     */
    static List<ClientProfile> resolve(List<String> choices) {
        ClientProfiles builtIn = ClientProfiles.builtIn();
        Map<String, ClientProfile> chosen = new LinkedHashMap<>();
        for (String choice : choices) {
            for (ClientProfile profile : resolve(builtIn, choice)) {
                chosen.putIfAbsent(profile.id(), profile);
            }
        }
        return new ArrayList<>(chosen.values());
    }

    private static List<ClientProfile> resolve(ClientProfiles builtIn, String choice) {
        if (isFile(choice)) {
            List<String> known = builtIn.ids();
            return builtIn.withFile(InputFile.small(Path.of(choice), "client profile file")).all().stream().filter(p -> !known.contains(p.id())).toList();
        }
        return List.of(builtIn.find(choice).orElseThrow(() -> new IllegalArgumentException("no client profile '"
                + choice + "'; built-in profiles: " + String.join(", ", builtIn.ids()) + " (or give a YAML file)")));
    }

    private static boolean isFile(String choice) {
        return Files.exists(Path.of(choice)) || choice.endsWith(".yaml") || choice.endsWith(".yml");
    }
}
