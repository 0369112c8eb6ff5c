import Random

/// Seeds of a request's choices.
///
/// Choice 0 samples with the request's seed itself, exactly as the local engine samples with that seed
/// (`reckon generate --seed`, and each sample of `reckon eval`, whose derived seed `eval --endpoint` sends as the
/// `seed` of a request with `n` = 1): a remote sample equals the local one. Choice `i` > 0 (over all prompts,
/// `i = prompt_index * n + j`) samples with
/// `SeedDerivation.labelledIndex(seed: requestSeed, label: "reckon-serve-choice", index: i)`, its own stream: unlike
/// `seed + i` (vLLM's rule), request seed 42's choice 1 is not request seed 43's choice 0. A request without `seed`
/// gets a random one, returned in the `x-reckon-seed` header so the answer can be replayed.
public enum ChoiceSeeds {
    public static let label = "reckon-serve-choice"

    public static func seed(request: UInt64, choice: Int) -> UInt64 {
        choice == 0 ? request : SeedDerivation.labelledIndex(seed: request, label: label, index: choice)
    }
}
