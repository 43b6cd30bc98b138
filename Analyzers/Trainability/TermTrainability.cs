namespace NegLR.Analyzers.Trainability;

/// <summary>What the variance model sees of one cost term.</summary>
internal sealed class TermTrainability
{
    public TermTrainability(int index, double coefficient, int support, int effectiveSupport, int coneMask, int coneDepth,
        int coneWeights, double diagonalProbability, double branchings)
    {
        Index = index;
        Coefficient = coefficient;
        Support = support;
        EffectiveSupport = effectiveSupport;
        ConeMask = coneMask;
        ConeDepth = coneDepth;
        ConeWeights = coneWeights;
        DiagonalProbability = diagonalProbability;
        Branchings = branchings;
    }

    /// <summary>Position of the term in the observable (merged like terms, identity dropped).</summary>
    public int Index { get; }

    public double Coefficient { get; }

    /// <summary>The qubits the term names.</summary>
    public int Support { get; }

    /// <summary>
    /// The qubits the term acts on where the circuit's trailing Clifford gates end (the term carried backward through
    /// them exactly): its real locality as the parameterised gates see it.
    /// </summary>
    public int EffectiveSupport { get; }

    /// <summary>Pauli weight of <see cref="EffectiveSupport"/>.</summary>
    public int Locality => Guard.PopCount(EffectiveSupport);

    /// <summary>The qubits the term's backward light cone reaches at the start of the circuit.</summary>
    public int ConeMask { get; }

    /// <summary>Light-cone width: the number of qubits in <see cref="ConeMask"/>.</summary>
    public int ConeWidth => Guard.PopCount(ConeMask);

    /// <summary>Entangling depth of the gates inside the light cone, below the trailing Clifford gates.</summary>
    public int ConeDepth { get; }

    /// <summary>Distinct weights inside the light cone.</summary>
    public int ConeWeights { get; }

    /// <summary>E[⟨P⟩²] over random initialisations: the probability that a random Pauli path ends diagonal.</summary>
    public double DiagonalProbability { get; }

    /// <summary>Expected number of weight rotations a random path branches at (each weighted by the angle's scale²).</summary>
    public double Branchings { get; }
}
