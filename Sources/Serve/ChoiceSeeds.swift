import Random

/// Seeds of a request's choices.
///
/// Choice `i` (over all prompts, `i = prompt_index * n + j`) samples with
/// `SeedDerivation.labelledIndex(seed: UInt64(bitPattern: requestSeed), label: "reckon-serve-choice", index: i)`,
/// its own stream: unlike `seed + i`, request seed 42's choice 1 is not request seed 43's choice 0. A request without
/// `seed` gets a random one, returned in the `x-reckon-seed` header so the answer can be replayed.
public enum ChoiceSeeds {
    public static let label = "reckon-serve-choice"

    public static func seed(request: UInt64, choice: Int) -> UInt64 {
        SeedDerivation.labelledIndex(seed: request, label: label, index: choice)
    }
}
