// Linked into the Generator too (netstandard2.0): the emitter walks the same steps the interpreter runs.
namespace NegLR.Simulation;

/// <summary>
/// One primitive step of a compiled circuit: a gate with at most one angle. Rot and U3 compile to three steps each,
/// exactly (Rot = RZ·RY·RZ, U3 = P(φ)·RY(θ)·P(λ)), so every angle has its own step, generator and shift rule.
/// </summary>
internal readonly struct Instruction
{
    public Instruction(GateKind kind, int q0, int q1, int q2, Angle angle, bool hasAngle, int gateIndex, int angleSlot,
        int pauliX = 0, int pauliZ = 0)
    {
        Kind = kind;
        Q0 = q0;
        Q1 = q1;
        Q2 = q2;
        Angle = angle;
        HasAngle = hasAngle;
        GateIndex = gateIndex;
        AngleSlot = angleSlot;
        PauliX = pauliX;
        PauliZ = pauliZ;
        PauliY = Guard.PopCount(pauliX & pauliZ);
        (GeneratorControl, GeneratorX, GeneratorZ, GeneratorScale) = Generator(kind, q0, q1, pauliX, pauliZ);
    }

    public GateKind Kind { get; }
    public int Q0 { get; }
    public int Q1 { get; }
    public int Q2 { get; }
    public Angle Angle { get; }
    public bool HasAngle { get; }

    /// <summary>Index of the source gate in <see cref="Circuit.Gates"/>.</summary>
    public int GateIndex { get; }

    /// <summary>Which of the source gate's angles this step carries.</summary>
    public int AngleSlot { get; }

    /// <summary>Pauli-rotation string (RXX, RYY, RZZ, MultiRZ, PauliRot) in symplectic form.</summary>
    public int PauliX { get; }
    public int PauliZ { get; }
    public int PauliY { get; }

    /// <summary>The step's generator G = scale · Π_control · P(x, z), with U(θ) = exp(−iθG).</summary>
    public int GeneratorControl { get; }
    public int GeneratorX { get; }
    public int GeneratorZ { get; }
    public double GeneratorScale { get; }

    public bool IsTrainable => HasAngle && Angle.Source == AngleSource.Weight;

    /// <summary>Number of Y letters in the generator's Pauli string.</summary>
    public int GeneratorY => Guard.PopCount(GeneratorX & GeneratorZ);

    public ShiftRule ShiftRule => GateInfo.Of(Kind).ShiftRule;

    private static (int Control, int X, int Z, double Scale) Generator(GateKind kind, int q0, int q1, int px, int pz)
    {
        int b0 = 1 << q0, b1 = q1 >= 0 ? 1 << q1 : 0;
        return kind switch
        {
            GateKind.RX => (0, b0, 0, 0.5),
            GateKind.RY => (0, b0, b0, 0.5),
            GateKind.RZ => (0, 0, b0, 0.5),
            // diag(1, e^{iφ}) = exp(−iφ·(−|1⟩⟨1|)).
            GateKind.PhaseShift => (b0, 0, 0, -1.0),
            GateKind.CRX => (b0, b1, 0, 0.5),
            GateKind.CRY => (b0, b1, b1, 0.5),
            GateKind.CRZ => (b0, 0, b1, 0.5),
            GateKind.CPhase => (b0 | b1, 0, 0, -1.0),
            GateKind.RXX or GateKind.RYY or GateKind.RZZ or GateKind.MultiRZ or GateKind.PauliRot => (0, px, pz, 0.5),
            _ => (0, 0, 0, 0.0),
        };
    }
}
