// This file is compiled into the Runtime, the Generator and the Analyzers (linked source):
// keep it plain C# that builds for netstandard2.0 and net10.0 alike.
namespace NegLR
{
    /// <summary>How the exact parameter-shift derivative of a gate's angle is taken.</summary>
    #if NEGLR_LINKED
    internal
    #else
    public
    #endif
    enum ShiftRule
    {
        /// <summary>The gate has no angle.</summary>
        None,
        /// <summary>∂f = [f(θ + π/2) − f(θ − π/2)] / 2 (generator eigenvalues one apart: RX, RZZ, PhaseShift, …).</summary>
        TwoTerm,
        /// <summary>Four-term rule of Wierichs et al. for generators with eigenvalues {0, ±½} (CRX, CRY, CRZ).</summary>
        FourTerm,
    }

    /// <summary>Static facts about a <see cref="GateKind"/>: name, arity, angles, structure.</summary>
    #if NEGLR_LINKED
    internal
    #else
    public
    #endif
    sealed class GateInfo
    {
        private static readonly GateInfo[] Table = BuildTable();

        private GateInfo(GateKind kind, string name, int qubits, int angles, bool diagonal, ShiftRule rule)
        {
            Kind = kind;
            Name = name;
            Qubits = qubits;
            Angles = angles;
            IsDiagonal = diagonal;
            ShiftRule = rule;
        }

        /// <summary>The gate.</summary>
        public GateKind Kind { get; }

        /// <summary>The name users write (<c>RY</c>, <c>CNOT</c>, …).</summary>
        public string Name { get; }

        /// <summary>Number of qubits the gate acts on, or −1 when it takes any number (MultiRZ, PauliRot).</summary>
        public int Qubits { get; }

        /// <summary>Number of angles the gate takes (0, 1 or 3).</summary>
        public int Angles { get; }

        /// <summary>True when the gate's matrix is diagonal in the computational basis.</summary>
        public bool IsDiagonal { get; }

        /// <summary>True when the gate acts on two or more qubits, so it can spread correlations.</summary>
        public bool IsMultiQubit => Qubits != 1;

        /// <summary>The exact parameter-shift rule for each of the gate's angles.</summary>
        public ShiftRule ShiftRule { get; }

        /// <summary>The facts for <paramref name="kind"/>.</summary>
        public static GateInfo Of(GateKind kind) => Table[(int)kind];

        /// <summary>Looks a gate up by the name users write, ignoring case; null when there is none.</summary>
        public static GateInfo? FindByName(string name)
        {
            foreach (var info in Table)
            {
                if (string.Equals(info.Name, name, System.StringComparison.OrdinalIgnoreCase))
                {
                    return info;
                }
            }

            return null;
        }

        private static GateInfo[] BuildTable()
        {
            var t = new GateInfo[(int)GateKind.CSWAP + 1];
            void Add(GateKind k, int qubits, int angles, bool diagonal, ShiftRule rule)
                => t[(int)k] = new GateInfo(k, k.ToString(), qubits, angles, diagonal, rule);

            Add(GateKind.I, 1, 0, true, ShiftRule.None);
            Add(GateKind.X, 1, 0, false, ShiftRule.None);
            Add(GateKind.Y, 1, 0, false, ShiftRule.None);
            Add(GateKind.Z, 1, 0, true, ShiftRule.None);
            Add(GateKind.H, 1, 0, false, ShiftRule.None);
            Add(GateKind.S, 1, 0, true, ShiftRule.None);
            Add(GateKind.Sdg, 1, 0, true, ShiftRule.None);
            Add(GateKind.T, 1, 0, true, ShiftRule.None);
            Add(GateKind.Tdg, 1, 0, true, ShiftRule.None);
            Add(GateKind.SX, 1, 0, false, ShiftRule.None);
            Add(GateKind.RX, 1, 1, false, ShiftRule.TwoTerm);
            Add(GateKind.RY, 1, 1, false, ShiftRule.TwoTerm);
            Add(GateKind.RZ, 1, 1, true, ShiftRule.TwoTerm);
            Add(GateKind.PhaseShift, 1, 1, true, ShiftRule.TwoTerm);
            Add(GateKind.Rot, 1, 3, false, ShiftRule.TwoTerm);
            Add(GateKind.U3, 1, 3, false, ShiftRule.TwoTerm);
            Add(GateKind.CNOT, 2, 0, false, ShiftRule.None);
            Add(GateKind.CY, 2, 0, false, ShiftRule.None);
            Add(GateKind.CZ, 2, 0, true, ShiftRule.None);
            Add(GateKind.SWAP, 2, 0, false, ShiftRule.None);
            Add(GateKind.ISWAP, 2, 0, false, ShiftRule.None);
            Add(GateKind.CRX, 2, 1, false, ShiftRule.FourTerm);
            Add(GateKind.CRY, 2, 1, false, ShiftRule.FourTerm);
            Add(GateKind.CRZ, 2, 1, true, ShiftRule.FourTerm);
            Add(GateKind.CPhase, 2, 1, true, ShiftRule.TwoTerm);
            Add(GateKind.RXX, 2, 1, false, ShiftRule.TwoTerm);
            Add(GateKind.RYY, 2, 1, false, ShiftRule.TwoTerm);
            Add(GateKind.RZZ, 2, 1, true, ShiftRule.TwoTerm);
            Add(GateKind.MultiRZ, -1, 1, true, ShiftRule.TwoTerm);
            Add(GateKind.PauliRot, -1, 1, false, ShiftRule.TwoTerm);
            Add(GateKind.Toffoli, 3, 0, false, ShiftRule.None);
            Add(GateKind.CSWAP, 3, 0, false, ShiftRule.None);
            return t;
        }
    }
}
