import Foundation
import GGUF
import TestSupport
import Tokenizer

/// THE one place the tests get the default model's (SmolLM2-135M-Instruct) tokenizer vocabulary from: the GGUF
/// file in Reckon's model cache, fetched through `ModelStore` (the same code as `reckon model fetch`) when missing.
///
/// Returns nil when the model cannot be had on this machine; tests that need it then fail loudly, or are skipped
/// when `RECKON_ALLOW_NO_MODEL=1` (see ``DefaultTokenizer``).
func loadDefaultVocabulary() throws -> TokenizerVocabulary? {
    guard let path = DefaultModel.path else { return nil }
    return try TokenizerVocabulary(gguf: GGUFFile(path: path))
}
