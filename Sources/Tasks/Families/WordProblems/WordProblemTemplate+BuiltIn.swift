extension WordProblemTemplate {
    /// Reckon's own built-in templates (original wording), in the documented file format.
    public static let builtInSource = #"""
    # Built-in word-problem templates (Reckon). Same format as user template files.

    template: garden-rows
    text: {name} plants {rows} rows of tomatoes with {per} plants in each row. Rabbits eat {eaten} of the
      plants. How many tomato plants are left?
    var name = choice(names)
    var rows = range(3, 12) scaled
    var per = range(4, 15)
    var eaten = range(1, 40) scaled
    constraint eaten < rows * per
    answer: rows * per - eaten
    unit: plants

    template: bus-stops
    text: A bus leaves the depot with {start} passengers. At the first stop {off1} people get off and {on1} get on.
      At the second stop {off2} people get off and nobody gets on. How many passengers are on the bus after the
      second stop?
    var start = range(10, 60) scaled
    var off1 = range(1, 30) scaled
    var on1 = range(0, 25) scaled
    var off2 = range(1, 30) scaled
    constraint off1 <= start
    constraint off2 <= start - off1 + on1
    answer: start - off1 + on1 - off2
    unit: passengers

    template: shared-gift
    text: {n} friends buy a {gift} for {price} dollars and pay a {fee} dollar delivery charge. They split the
      whole cost equally. How many dollars does each friend pay?
    var n = range(2, 8)
    var gift = choice(telescope, tent, kayak, sewing machine, keyboard)
    var price = range(40, 400, 5) scaled
    var fee = range(5, 30)
    constraint divides(n, price + fee)
    answer: (price + fee) / n
    unit: dollars

    template: reading-plan
    text: {name} reads {weekday} pages on every weekday and {weekend} pages on each day of the weekend. How many
      pages does {name} read in {weeks} weeks?
    var name = choice(names)
    var weekday = range(5, 40) scaled
    var weekend = range(10, 80) scaled
    var weeks = range(2, 6)
    answer: weeks * (5 * weekday + 2 * weekend)
    unit: pages

    template: sale-price
    text: A {item} normally costs {price} dollars. This week it is {pct}% off, and {name} also uses a coupon worth
      {coupon} dollars on the reduced price. How many dollars does {name} pay?
    var item = choice(backpack, lamp, jacket, blender, chess set)
    var name = choice(names)
    var price = range(20, 200) scaled
    var pct = choice(10, 20, 25, 30, 40, 50)
    var coupon = range(2, 15)
    let reduced = price * (100 - pct) / 100
    constraint integer(reduced)
    constraint coupon < reduced
    answer: reduced - coupon
    unit: dollars

    template: ride-and-walk
    text: {name} cycles for {hours} hours at {speed} kilometres per hour and then walks the last {walk} kilometres
      to {city}. How many kilometres is the whole journey?
    var name = choice(names)
    var city = choice(cities)
    var hours = range(2, 6)
    var speed = range(8, 25) scaled
    var walk = range(1, 9)
    answer: hours * speed + walk
    unit: kilometres

    template: age-gap
    text: {a} is {age} years old. {b} is {k} times as old as {a}, minus {d} years. How old will {b} be in
      {y} years?
    var a = choice(names)
    var b = choice(names)
    var age = range(3, 15)
    var k = range(2, 4)
    var d = range(1, 9)
    var y = range(2, 12)
    constraint a != b
    constraint k * age - d > age
    answer: k * age - d + y
    unit: years

    template: class-fractions
    text: A school club has {n} members. {num}/{den} of them play chess, and half of the rest paint. How many
      members neither play chess nor paint?
    var n = range(12, 60) scaled
    var den = choice(3, 4, 5, 6)
    var num = range(1, 5)
    constraint num < den
    constraint divides(den, n)
    let rest = n - n * num / den
    constraint divides(2, rest)
    answer: rest / 2
    unit: members
    """#

    /// The built-in templates, parsed from ``builtInSource`` (tests check that it parses).
    public static let builtIn: [WordProblemTemplate] = {
        do { return try parse(builtInSource, source: "built-in templates") } catch { preconditionFailure("\(error)") }
    }()
}
