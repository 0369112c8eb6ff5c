/// Answer extraction and equivalence rules (the reference for `AnswerExtractor` and `AnswerChecker`).
///
/// Every task family and every external dataset uses these two steps: `AnswerExtractor` reads the final answer
/// out of a response; `AnswerChecker` decides whether it is equivalent to the gold answer. The rules are
/// deterministic and need no computer algebra system. Gold and prediction have distinct roles (marked **[roles]**).
///
/// ## 1. Extraction (`AnswerExtractor.extract(from:)`)
///
/// 0. Reasoning is skipped: if the response contains `</think>`, only the text after the last `</think>` is
///    searched (if that is blank, the text before it). Chat end tokens (`<|im_end|>`, `<|eot_id|>`, `</s>`, …) and
///    the sign-off "I hope it is correct" are removed.
/// 1. **boxed** — the content of the last balanced `\boxed{…}` or `\fbox{…}` (brace counting, nesting allowed; an
///    unbalanced one is ignored; `\boxed 5` is read as `5`).
/// 2. **answerTag** — the content of the last `<answer>…</answer>`.
/// 3. **answerIs** — the text after the last of "final answer is", "answer is", "final answer:", "answer:"
///    (case-insensitive), up to the end of its line or the first period followed by a space (periods inside `$…$`
///    do not count). If that line ends inside `$…$` or an open brace, or after an operator or comma, and the next
///    line goes on, the answer is broken across lines and **nothing** is extracted.
/// 4. **hashes** — the text after the last `####` (GSM8K), to the end of the line.
/// 5. **whole** — the whole response, if it is one line of at most 80 characters that parses as mathematics (§2)
///    without dropping words.
/// 6. **lastMath** — the content of the last `$…$`, `$$…$$`, `\(…\)` or `\[…\]` span that parses as mathematics.
/// 7. **lastNumber** — the last number: optional `-` (at the start or after whitespace or `( [ { = : , $`), digits
///    with valid thousands groups (`1,234`; otherwise only the part after the last comma), decimals, an exponent
///    (`1.5e-3`), or a simple fraction `a/b`. Digits glued to a letter on their left or after `^ _ \` (`COVID19`,
///    `x2`, `cm^2`) are skipped; a number that starts a line continuing a number (`1,` / `000`) refuses extraction.
///
/// **Several boxes** [roles]: when the gold has several items (a list, set or tuple) and the response boxes more than
/// one answer, the top-level boxes (repeats dropped, at most 64) joined by commas are also compared; a scalar gold
/// is read from the last box only (a later box corrects an earlier one).
///
/// The first rule that yields a non-empty answer wins. The found text is cleaned: surrounding whitespace, `$…$`,
/// `$$…$$`, `\(…\)`, `\[…\]`, markdown `**…**` and backticks, and a final period are removed.
///
/// Gold strings are answers, not responses (`extractGold`): the last `\boxed{}` if present, else the text after
/// `####`, else the whole string; never a last-number fallback **[roles]**.
///
/// ## 2. Parsing
///
/// Normalisation before tokenising: `\dfrac`/`\tfrac`/`\cfrac` → `\frac`; `\left`, `\right`, `\big…`,
/// `\displaystyle`, `\!`, `\,` `\;` `\:` `\quad` (spaces), `^\circ`, `^{\circ}`, `°`, `\$`, `$`, `\(` `\)` `\[` `\]`
/// are dropped; `\%` → `%`; `\le(q)`, `\ge(q)`, `\ne(q)`, `\infty`, `\times`, `\cdot`, `\div` and their Unicode forms
/// are recognised; `\text{}`, `\textbf{}`, `\mathrm{}`, `\mathbf{}`, `\operatorname{}`, `\mbox{}`, `\boxed{}` are
/// unwrapped; `1\,000` and `1{,}000` are thousands separators.
///
/// Numbers: `12`, `-3.5`, `.5`, `3.`, `1.5e-3`/`1.5E3`, and thousands groups `1,234,567` or `1 234 567` (space,
/// no-break or thin space; `1\,234`, `1{,}234`, `1,\!234` too): 1–3 leading digits, not starting with 0, then
/// groups of exactly three; so `1,000` is 1000 and `1.000` is 1. A decimal comma: `3{,}14` is 3.14 (`{,}` not
/// followed by a group of three); a whole prediction `d,dd` (`0,5`, `1,5`, `-2,75`; not a thousands group) is
/// also read as a decimal, besides the list it spells. Percent: `%`, `\%`, "percent", "percentage", "pct" after a
/// number. Currency signs (`$ \$ € £ ¥ ₹`) are dropped. Units: a trailing `\text{…}`, `\textnormal{…}`,
/// `\mbox{…}`, `\textbf{…}`, `\mathrm{…}` of words (optionally `^2`/`^3`) after a number is dropped.
///
/// Matrices: `pmatrix`, `bmatrix`, `Bmatrix`, `matrix`, `smallmatrix`, `array` (column spec skipped), inside
/// `\left[…\right]` or not, become rows of entries.
///
/// Grammar (loosest first): groups separated by `;` → list (`,` "and" "or") → union (`\cup`, `∪`, `U` before a
/// bracket) → relation (`=`, `<`, `>`, `<=`/`\le`/`≤`, `>=`, `!=`, `\approx`, `\in`) → ratio (`a:b:c`, `\colon`)
/// → sum (`+ -`) → product (`* \cdot \times / \div`, and implicit
/// multiplication before a letter, `(`, `{`, `\frac`, `\sqrt`, `\pi`, a function — never between two numbers) →
/// unary minus → power (`^`, right-associative; `2^10` is 1024, `2^{10}` too) → postfix (`!`, `%`, subscript `x_1`)
/// → atom: number, letter (`e` is Euler's number; other letters and `\alpha`… are variables), `\pi`/`pi`/`π`,
/// `\infty`/`inf`/`∞`, `\frac{a}{b}` (also `\frac12`, `\frac\pi2`), `\sqrt{x}`, `\sqrt[n]{x}`, `\sqrt2`,
/// `sqrt(x)`, functions `sin cos tan sec csc cot ln log exp arcsin arccos arctan abs` (with `\sin^2 x`), `|x|`,
/// brackets `( )`, `[ ]`, `{ }` (grouping when they hold one expression), `\{ \}` (always a set).
///
/// Special readings: an integer directly followed by `\frac` of integers is a mixed number (`2\frac{1}{2}` = 5/2).
/// One `\pm` (or `±`) in an answer without commas is read as the bare list of its `+` and `−` readings
/// (`\frac{-1 \pm \sqrt5}{2}`, `x = 2 \pm 3`, `\pm 1`); with several, a `\pm` ending a sum is read the same way.
/// Runs of 2–3 letters that are not known words are products of variables (`xy`). Words (4+ letters, or known short
/// units such as `cm`, `kg`, `mph`) at either end are dropped (`7 apples` → 7). Text that does not parse is compared
/// as normalised text.
///
/// ## 3. Equivalence (`AnswerChecker`)
///
/// Both sides are parsed, then compared by kind:
///
/// - **Numbers** (no variables): evaluated exactly as rationals where only rational operations occur (including
///   integer powers, perfect roots, factorials); otherwise as `Double` (π, e, irrational roots, logs, trig).
///   - both exact → equal only if exactly equal (`0.5` = `1/2` = `50%`… but `0.5` ≠ `5`, `1,000` ≠ `1.000`);
///   - a decimal **prediction** with k ≥ `minimumRoundedPlaces` (default 3) places after the point (counting the
///     exponent, so `1.23e4` has −2) is accepted when it is the gold correctly rounded to k places, i.e.
///     |gold − pred| ≤ ½·10⁻ᵏ, and the gold is not itself exact at k places (`1/3` ≈ `0.333` ✓, `0.33` ✗;
///     `12` vs `11.9996` ✗) **[roles]** — a decimal gold is never widened (`0.333` vs `1/3` ✗);
///   - otherwise |gold − pred| ≤ max(`relativeTolerance`·max(|gold|, |pred|), `absoluteTolerance`)
///     (defaults 1e-9 and 1e-12); infinities must match exactly.
/// - **Percentages**: `x%` may be read as x/100 or as x on either side (`50%` ~ `0.5` ~ `50`; `10%` ≠ `1`).
/// - **Expressions with variables**: evaluated at `samplePoints` (default 8) deterministic random points (each
///   variable a rational in (0, 4]); exact comparison where both sides stay rational, else the tolerance. Points where
///   either side is undefined are skipped; at least half must be usable; any disagreement → not equivalent.
/// - **Assignments and labels**: `L = v` where `L` is a name — a variable (`x`, `x_1`, `\alpha`), a function of
///   variables (`f(x)`, `g(a, b)`), capital letters or their length (`AB`, `|AB|`), a tuple of variables
///   (`(p, q)`), a word (`\text{Area} = 6`) — is reduced to `v` on both sides; `x \in S` to `S`; a prediction
///   chain `a = b = v` is reduced to its last side **[roles]**; with `\approx`, `a = b \approx d` reads as `b`
///   (the last exact value) or `d`. A list assigning distinct names (`p = 3, q = 2`) is the tuple of the values,
///   in the written order or the names' order; `;` separates such tuples (`p=5, q=2; p=7, q=2`). A gold **equation** with a non-variable left side
///   (`x^2 + y^2 = 1`) requires a predicted equation whose `lhs − rhs` is a nonzero constant multiple of the gold's at
///   every sample point (`2x^2 + 2y^2 = 2` ✓).
/// - **Sets** (`\{…\}`, braces with commas) and **bare lists** (`1, 2`; "x = 1 or x = 2"): unordered, multiset
///   matching, same size (exact numbers as sorted multisets; otherwise a bipartite matching, for at most 64
///   items). A gold set accepts a bare list; a tuple is not a set.
/// - **Ratios**: proportional (`3:2` ~ `6:4`); a two-term ratio equals its quotient (`3:2` ~ `1.5`).
/// - **Matrices**: same shape, element by element with the number rules (`[[1, 2], [3, 4]]` is a matrix too); a
///   one-row or one-column matrix equals the tuple of its entries.
/// - **Tuples** (`(…)`, `[…]` with ≠ 2 items): ordered, element-wise; `(1, 2, 3)` ~ `[1, 2, 3]`.
/// - **Pairs and intervals**: two-item brackets must agree in both brackets (`[1, 2]` ≠ `(1, 2)`, `[1, 2)` ≠ `(1, 2]`);
///   endpoints compared as numbers; unions compared as sets of intervals.
/// - **Inequalities**: a gold one-variable inequality (`x > 2`, `1 < x \le 3`) or list of them (`x < -1` or
///   `x > 1`) accepts the same set written in any orientation, as a linear inequality solved exactly (`-x < -1`,
///   `2x + 1 \le 3`: a negative coefficient flips it), or as the interval(s) it denotes; a gold interval does
///   **not** accept an inequality **[roles]**.
/// - **Text**: lower-cased, whitespace/braces/backslashes/`$`/`*`/quotes and a final period removed, one pair of
///   enclosing parentheses removed (`\text{(A)}` ~ `A` ~ `(a)`); equal strings are equivalent. Two answers whose
///   normalised texts are equal are always equivalent.
///
/// `equivalent(gold:prediction:)` compares two answers (each reduced with `extractGold`);
/// `check(gold:response:)` extracts the prediction from a response first and reports both extracted strings.
///
/// Not supported (compared as text or not at all): complex numbers, `\mp`, unit conversion (units are dropped, not
/// converted), number words ("three"), determinants (`vmatrix`), symbolic identities that need a sign (variables
/// are sampled in (0, 4], so `\sqrt{x^2}` = `x`). See Docs/answer-checking.md.
public enum AnswerRules {}
