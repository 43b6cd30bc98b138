using System;

namespace NegLR.Simulation;

/// <summary>What one step of a compiled density-matrix program acts on.</summary>
internal enum DensityStepKind : byte
{
    /// <summary>A chain of one-qubit maps on one qubit's digit, fused into one 4×4 transfer matrix per call.</summary>
    One,

    /// <summary>A chain of maps on two qubits' digits, fused into one 16×16 transfer matrix.</summary>
    Two,

    /// <summary>One Pauli rotation on three or more qubits, applied to the whole vector.</summary>
    Rotation,
}

/// <summary>One map inside a step: a constant transfer matrix (gate or channel) or a Pauli rotation.</summary>
internal readonly struct SubOp
{
    private SubOp(bool isRotation, int matrix, int inverse, int transposed, int rotation)
    {
        IsRotation = isRotation;
        Matrix = matrix;
        Inverse = inverse;
        Transposed = transposed;
        Rotation = rotation;
    }

    public bool IsRotation { get; }

    /// <summary>Constant: offset of its transfer matrix M (local order) in the program's matrix pool.</summary>
    public int Matrix { get; }

    /// <summary>Constant: offset of M⁻¹ (gates: Mᵀ; channels inside fused steps: the inverse), or −1 when never needed.</summary>
    public int Inverse { get; }

    /// <summary>Constant: offset of Mᵀ, which carries λ backwards.</summary>
    public int Transposed { get; }

    /// <summary>Rotation: index in the program's rotation table.</summary>
    public int Rotation { get; }

    public static SubOp Constant(int matrix, int inverse, int transposed) => new(false, matrix, inverse, transposed, -1);

    public static SubOp OfRotation(int rotation) => new(true, -1, -1, -1, rotation);
}

/// <summary>A Pauli rotation exp(−iφW/2) with φ = multiplier · (the instruction's angle, or a constant).</summary>
internal sealed class RotationInfo
{
    public RotationInfo(int word, int localWord, int instruction, double multiplier, int weight, double gradientScale)
    {
        Word = word;
        LocalWord = localWord;
        Instruction = instruction;
        Multiplier = multiplier;
        Weight = weight;
        GradientScale = gradientScale;
        if (localWord is >= 1 and <= 3)
        {
            // In a one-qubit step: the rotation mixes the two other non-identity digits u < v = u ⊕ w.
            PairLow = (localWord & 1) != 0 ? 2 : 1;
            PairSign = PauliAlgebra.RotationSign(PairLow, localWord);
        }
    }

    /// <summary>In a one-qubit step: the lower digit u the rotation mixes with u ⊕ <see cref="LocalWord"/>; else 0.</summary>
    public int PairLow { get; }

    /// <summary>In a one-qubit step: σ = <see cref="PauliAlgebra.RotationSign"/>(u, w); else 0.</summary>
    public int PairSign { get; }

    /// <summary>The word as a Pauli-vector index over the whole register.</summary>
    public int Word { get; }

    /// <summary>The word inside its step: a digit (one-qubit step) or d0 + 4·d1 (two-qubit step); −1 in a rotation step.</summary>
    public int LocalWord { get; }

    /// <summary>The compiled instruction whose angle θ it takes, or −1 for a constant angle (Toffoli, CSWAP): φ = multiplier.</summary>
    public int Instruction { get; }

    public double Multiplier { get; }

    /// <summary>The trainable weight whose gradient it feeds, or −1.</summary>
    public int Weight { get; }

    /// <summary>∂φ/∂w: the angle's scale times the multiplier.</summary>
    public double GradientScale { get; }
}

/// <summary>One step of a compiled density-matrix program.</summary>
internal sealed class DensityStep
{
    public DensityStep(DensityStepKind kind, int qubit0, int qubit1, SubOp[] ops, bool unital, int constantProduct, int rotation)
    {
        Kind = kind;
        Qubit0 = qubit0;
        Qubit1 = qubit1;
        Ops = ops;
        Unital = unital;
        ConstantProduct = constantProduct;
        Rotation = rotation;
        RotationsOnly = kind == DensityStepKind.One && ops.Length > 0 && Array.TrueForAll(ops, op => op.IsRotation);
    }

    public DensityStepKind Kind { get; }

    /// <summary>The highest qubit the step touches (cache blocking groups steps below a bound).</summary>
    public int MaxQubit { get; set; }

    public int Qubit0 { get; }

    /// <summary>The second qubit of a two-qubit step (local digit 1), else −1.</summary>
    public int Qubit1 { get; }

    /// <summary>The maps in the order they act.</summary>
    public SubOp[] Ops { get; }

    /// <summary>A one-qubit step made of rotations only (no constant map): its fold and taps have closed forms.</summary>
    public bool RotationsOnly { get; }

    /// <summary>Every map leaves the identity entry alone (unitaries, unital channels): the kernel skips it.</summary>
    public bool Unital { get; }

    /// <summary>Offset of the precomputed product when every map is constant, else −1.</summary>
    public int ConstantProduct { get; }

    /// <summary>For a <see cref="DensityStepKind.Rotation"/> step: the rotation's index.</summary>
    public int Rotation { get; }

    /// <summary>
    /// For a lone channel whose inverse is not safe to apply (not invertible, or past the rounding budget): the index of
    /// the checkpoint holding the vector just before it; −1 otherwise.
    /// </summary>
    public int RestoreSlot { get; set; } = -1;

    /// <summary>Offset in the workspace's step matrices of this step's per-call fused matrix (steps with rotations), else −1.</summary>
    public int Scratch { get; set; } = -1;

    /// <summary>Constant steps that are not restored: offsets of M⁻¹ (the product of the inverses) and Mᵀ; else −1.</summary>
    public int ConstantInverse { get; set; } = -1;

    public int ConstantTransposed { get; set; } = -1;

    /// <summary>Two-qubit constant steps: M, M⁻¹ and Mᵀ by rows.</summary>
    public Sparse16? SparseProduct { get; set; }

    public Sparse16? SparseInverse { get; set; }

    public Sparse16? SparseTransposed { get; set; }

    /// <summary>True when some rotation of the step feeds a gradient.</summary>
    public bool HasTaps { get; set; }
}
