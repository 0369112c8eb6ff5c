/// Energy per operation at 45 nm, 0.9 V (Horowitz, "Computing's energy problem", ISSCC 2014; the table the L-Mul
/// paper cites; values as in numerics.md §1.3). Everything computed from it is an **estimate**: a 2014 process
/// node, one operation in isolation, no control or data-movement overhead beyond the DRAM read.
public enum EnergyTable {
    /// 8-bit integer add, picojoules.
    public static let int8AddPJ = 0.03
    /// 8-bit integer multiply, picojoules.
    public static let int8MultiplyPJ = 0.2
    /// 32-bit integer add, picojoules.
    public static let int32AddPJ = 0.1
    /// 32-bit integer multiply, picojoules.
    public static let int32MultiplyPJ = 3.1
    /// fp16 add, picojoules.
    public static let fp16AddPJ = 0.4
    /// fp16 multiply, picojoules.
    public static let fp16MultiplyPJ = 1.1
    /// fp32 add, picojoules.
    public static let fp32AddPJ = 0.9
    /// fp32 multiply, picojoules.
    public static let fp32MultiplyPJ = 3.7
    /// One 64-bit DRAM read, picojoules: the low end of the table's 1.3–2.6 nJ (so memory energy is a lower
    /// estimate; double it for the high end).
    public static let dram64BitReadPJ = 1300.0
}
