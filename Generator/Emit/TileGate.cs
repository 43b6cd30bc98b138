using NegLR.Simulation;

namespace NegLR.Generator.Emit;

/// <summary>How a compiled step runs inside a register tile.</summary>
internal enum TileClass
{
    /// <summary>The identity: nothing to emit.</summary>
    Skip,

    /// <summary>A basis permutation (X, CNOT, SWAP): register renames at generation time, lane shuffles for qubit 0.</summary>
    Permutation,

    /// <summary>A 2×2 matrix on one target qubit, optionally controlled (H, RY, CRY are real; Y, SX, RX, CY, CRX complex).</summary>
    Matrix,

    /// <summary>A diagonal gate (RZ, S, T, Z, PhaseShift, CZ, CPhase, CRZ, RZZ, MultiRZ, Z-only PauliRot).</summary>
    Diagonal,

    /// <summary>No tile form (iSWAP, Toffoli, CSWAP, RXX, RYY, PauliRot with X or Y): a whole-state kernel call.</summary>
    Kernel,
}

/// <summary>
/// A diagonal gate as a phase function of the basis index i: 1 unless every bit of <see cref="Control"/> is set, then
/// <see cref="Even"/> or <see cref="Odd"/> by the parity of <c>i &amp; Parity</c>. Values are C# expressions of the
/// step's <c>c</c>/<c>s</c> (cos and sin of its argument), or literals.
/// </summary>
internal readonly struct PhaseFunction
{
    public PhaseFunction(int control, int parity, Cx even, Cx odd)
    {
        Control = control;
        Parity = parity;
        Even = even;
        Odd = odd;
    }

    public int Control { get; }
    public int Parity { get; }
    public Cx Even { get; }
    public Cx Odd { get; }

    public PhaseFunction Conjugate() => new(Control, Parity, Even.Conjugate(), Odd.Conjugate());

    /// <summary>The factor at basis index i.</summary>
    public Cx At(int i) => (i & Control) != Control ? Cx.One : (OddParity(i & Parity) ? Odd : Even);

    private static bool OddParity(int bits)
    {
        int count = 0;
        for (; bits != 0; bits &= bits - 1)
        {
            count++;
        }

        return (count & 1) != 0;
    }
}

/// <summary>A complex value as two C# expressions (real, imaginary), with literal 0 and 1 recognised.</summary>
internal readonly struct Cx
{
    public Cx(string re, string im)
    {
        Re = re;
        Im = im;
    }

    public static Cx One => new("1.0", "0.0");
    public static Cx Zero => new("0.0", "0.0");

    public string Re { get; }
    public string Im { get; }

    public bool IsOne => Re == "1.0" && Im == "0.0";
    public bool IsZero => Re == "0.0" && Im == "0.0";
    public bool IsReal => Im == "0.0";

    public Cx Conjugate() => new(Re, Negate(Im));

    public static string Negate(string e) => e == "0.0" ? e : e.StartsWith("-", System.StringComparison.Ordinal) ? e.Substring(1) : "-" + e;

    public override string ToString() => "(" + Re + ", " + Im + ")";
}

/// <summary>A 2×2 matrix as C# expressions; <see cref="IsReal"/> when every imaginary part is the literal 0.</summary>
internal readonly struct Mx
{
    public Mx(Cx m00, Cx m01, Cx m10, Cx m11)
    {
        M00 = m00;
        M01 = m01;
        M10 = m10;
        M11 = m11;
    }

    public Cx M00 { get; }
    public Cx M01 { get; }
    public Cx M10 { get; }
    public Cx M11 { get; }

    public bool IsReal => M00.IsReal && M01.IsReal && M10.IsReal && M11.IsReal;

    /// <summary>The conjugate transpose (the inverse of a unitary).</summary>
    public Mx Adjoint() => new(M00.Conjugate(), M10.Conjugate(), M01.Conjugate(), M11.Conjugate());
}

/// <summary>What the tiled emitter needs to know about one compiled step.</summary>
internal static class TileGate
{
    private const string Sqrt05 = "global::System.Math.Sqrt(0.5)";
    private const string H = "global::NegLR.Simulation.GateMatrices.H";

    public static TileClass Classify(in Instruction ins) => ins.Kind switch
    {
        GateKind.I => TileClass.Skip,
        GateKind.X or GateKind.CNOT or GateKind.SWAP => TileClass.Permutation,
        GateKind.H or GateKind.RY or GateKind.CRY or GateKind.Y or GateKind.SX or GateKind.RX or GateKind.CY or GateKind.CRX => TileClass.Matrix,
        GateKind.Z or GateKind.S or GateKind.Sdg or GateKind.T or GateKind.Tdg or GateKind.RZ or GateKind.PhaseShift
            or GateKind.CZ or GateKind.CPhase or GateKind.CRZ or GateKind.RZZ or GateKind.MultiRZ => TileClass.Diagonal,
        GateKind.PauliRot => ins.PauliX == 0 ? TileClass.Diagonal : TileClass.Kernel,
        _ => TileClass.Kernel,
    };

    /// <summary>The qubits the step acts on, as a mask.</summary>
    public static int Support(in Instruction ins)
    {
        if (ins.Kind is GateKind.RXX or GateKind.RYY or GateKind.RZZ or GateKind.MultiRZ or GateKind.PauliRot)
        {
            return ins.PauliX | ins.PauliZ;
        }

        int mask = 1 << ins.Q0;
        if (ins.Q1 >= 0)
        {
            mask |= 1 << ins.Q1;
        }

        if (ins.Q2 >= 0)
        {
            mask |= 1 << ins.Q2;
        }

        return mask;
    }

    /// <summary>
    /// The factor between the angle and the argument whose cosine and sine the step's matrix uses: ½ for rotations
    /// (cos θ/2), 1 for phase gates (e^{iθ}). Exact in binary, so θ = argument / factor is recovered exactly.
    /// </summary>
    public static double ArgumentScale(GateKind kind) => ProgramLayout.ArgumentScale(kind);

    /// <summary>The matrix of a <see cref="TileClass.Matrix"/> step on its target; <paramref name="c"/>, <paramref name="s"/> name cos and sin of its argument.</summary>
    public static Mx Matrix(in Instruction ins, string c, string s) => ins.Kind switch
    {
        GateKind.H => new Mx(new Cx(H, "0.0"), new Cx(H, "0.0"), new Cx(H, "0.0"), new Cx("-" + H, "0.0")),
        GateKind.RY or GateKind.CRY => new Mx(new Cx(c, "0.0"), new Cx("-" + s, "0.0"), new Cx(s, "0.0"), new Cx(c, "0.0")),
        GateKind.Y or GateKind.CY => new Mx(Cx.Zero, new Cx("0.0", "-1.0"), new Cx("0.0", "1.0"), Cx.Zero),
        GateKind.SX => new Mx(new Cx("0.5", "0.5"), new Cx("0.5", "-0.5"), new Cx("0.5", "-0.5"), new Cx("0.5", "0.5")),
        _ => new Mx(new Cx(c, "0.0"), new Cx("0.0", "-" + s), new Cx("0.0", "-" + s), new Cx(c, "0.0")), // RX, CRX
    };

    /// <summary>Target and control (−1 for none) of a <see cref="TileClass.Matrix"/> step.</summary>
    public static (int Target, int Control) MatrixQubits(in Instruction ins) =>
        ins.Kind is GateKind.CY or GateKind.CRX or GateKind.CRY ? (ins.Q1, ins.Q0) : (ins.Q0, -1);

    /// <summary>The phase function of a <see cref="TileClass.Diagonal"/> step, on qubit masks.</summary>
    public static PhaseFunction Phase(in Instruction ins, string c, string s)
    {
        int t = 1 << ins.Q0;
        var minus = new Cx(c, "-" + s);
        var plus = new Cx(c, s);
        return ins.Kind switch
        {
            GateKind.Z => new PhaseFunction(0, t, Cx.One, new Cx("-1.0", "0.0")),
            GateKind.S => new PhaseFunction(0, t, Cx.One, new Cx("0.0", "1.0")),
            GateKind.Sdg => new PhaseFunction(0, t, Cx.One, new Cx("0.0", "-1.0")),
            GateKind.T => new PhaseFunction(0, t, Cx.One, new Cx(Sqrt05, Sqrt05)),
            GateKind.Tdg => new PhaseFunction(0, t, Cx.One, new Cx(Sqrt05, "-" + Sqrt05)),
            GateKind.RZ => new PhaseFunction(0, t, minus, plus),
            GateKind.PhaseShift => new PhaseFunction(t, 0, plus, plus),
            GateKind.CZ => new PhaseFunction(t | (1 << ins.Q1), 0, new Cx("-1.0", "0.0"), new Cx("-1.0", "0.0")),
            GateKind.CPhase => new PhaseFunction(t | (1 << ins.Q1), 0, plus, plus),
            GateKind.CRZ => new PhaseFunction(t, 1 << ins.Q1, minus, plus),
            _ => new PhaseFunction(0, ins.PauliZ, minus, plus), // RZZ, MultiRZ, Z-only PauliRot
        };
    }
}
