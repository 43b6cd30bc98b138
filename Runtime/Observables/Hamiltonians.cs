using System;
using System.Collections.Generic;
using System.Globalization;

namespace NegLR;

/// <summary>
/// Standard cost Hamiltonians for samples and tests: H2 in a minimal basis, the transverse-field Ising chain and
/// MaxCut. Every one is a fresh <see cref="PauliSum"/> in NegLR's qubit order (qubit 0 = least-significant bit).
/// </summary>
public static class Hamiltonians
{
    /// <summary>
    /// Nuclear repulsion of H2 at R = 0.735 Å, in hartree (Qiskit Nature, PySCF STO-3G). It is <b>not</b> part of the
    /// H2 operators here, which hold the electronic energy only; add it for the total energy.
    /// </summary>
    public const double H2Sto3gNuclearRepulsion = 0.7199689944489797;

    /// <summary>
    /// Published electronic ground-state energy of the H2 operators here (−1.857275030202 Ha, 12 decimals as printed
    /// by Qiskit Nature). Total energy = this + <see cref="H2Sto3gNuclearRepulsion"/> = −1.137306035753 Ha.
    /// </summary>
    public const double H2Sto3gElectronicGroundEnergy = -1.857275030202;

    // Qiskit Nature tutorial 06_qubit_mappers (PySCFDriver "H 0 0 0; H 0 0 0.735", sto3g), JordanWignerMapper,
    // block spin order, dense labels with the rightmost letter on qubit 0.
    private static readonly (string, double)[] H2JordanWigner =
    {
        ("IIII", -0.8105479805373283),
        ("IIIZ", 0.17218393261915543),
        ("IIZI", -0.2257534922240237),
        ("IIZZ", 0.12091263261776633),
        ("IZII", 0.17218393261915543),
        ("IZIZ", 0.16892753870087907),
        ("YYYY", 0.045232799946057826),
        ("XXYY", 0.045232799946057826),
        ("YYXX", 0.045232799946057826),
        ("XXXX", 0.045232799946057826),
        ("ZIII", -0.22575349222402363),
        ("ZIIZ", 0.1661454325638241),
        ("IZZI", 0.16614543256382408),
        ("ZIZI", 0.1746434306830045),
        ("ZZII", 0.12091263261776633),
    };

    // Same molecule, ParityMapper(num_particles=(1, 1)): parity mapping plus two-qubit reduction.
    private static readonly (string, double)[] H2TwoQubit =
    {
        ("II", -1.0523732457728605),
        ("IZ", 0.39793742484317896),
        ("ZI", -0.39793742484317896),
        ("ZZ", -0.01128010425623538),
        ("XX", 0.18093119978423122),
    };

    // Same molecule, Z2-symmetry tapered to one qubit (problem.get_tapered_mapper).
    private static readonly (string, double)[] H2OneQubit =
    {
        ("I", -1.041093141516625),
        ("Z", -0.7958748496863577),
        ("X", -0.1809311997842312),
    };

    /// <summary>
    /// H2 / STO-3G at 0.735 Å, Jordan–Wigner on 4 qubits (15 terms, electronic part only). Spin orbitals in Qiskit's
    /// block order: qubit 0 = σg↑, 1 = σu↑, 2 = σg↓, 3 = σu↓; the Hartree–Fock state occupies qubits 0 and 2 (basis
    /// index 5). Ground energy −1.857275030202 Ha (<see cref="H2Sto3gElectronicGroundEnergy"/>).
    /// </summary>
    public static PauliSum H2Sto3g4Qubits() => PauliSum.FromDenseLabels(H2JordanWigner);

    /// <summary>H2 / STO-3G, parity mapping with two-qubit reduction (5 terms); same ground energy as the 4-qubit form.</summary>
    public static PauliSum H2Sto3g2Qubits() => PauliSum.FromDenseLabels(H2TwoQubit);

    /// <summary>H2 / STO-3G, tapered to a single qubit by its Z2 symmetries (3 terms); same ground energy.</summary>
    public static PauliSum H2Sto3g1Qubit() => PauliSum.FromDenseLabels(H2OneQubit);

    /// <summary>
    /// The transverse-field Ising chain <c>H = −J Σ Z_i Z_{i+1} − h Σ X_i</c> on <paramref name="n"/> qubits (PennyLane
    /// <c>qml.spin.transverse_ising</c> convention). Periodic chains add the bond (n−1, 0).
    /// </summary>
    /// <param name="n">Sites: 1 to 30 for an open chain, 3 to 30 for a ring (a 2-site ring would count its bond twice).</param>
    /// <param name="j">Coupling J (finite).</param>
    /// <param name="h">Transverse field h (finite).</param>
    /// <param name="periodic">True for a ring, false for an open chain.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="n"/> is out of range.</exception>
    /// <exception cref="ArgumentException"><paramref name="j"/> or <paramref name="h"/> is not finite.</exception>
    public static PauliSum TransverseFieldIsing(int n, double j, double h, bool periodic)
    {
        int min = periodic ? 3 : 1;
        if (n < min || n > Circuit.MaxQubits)
        {
            throw new ArgumentOutOfRangeException(nameof(n), n, string.Create(CultureInfo.InvariantCulture,
                $"A{(periodic ? " periodic" : "n open")} chain has {min} to {Circuit.MaxQubits} sites."));
        }

        RequireFinite(j, nameof(j));
        RequireFinite(h, nameof(h));
        var terms = new List<PauliTerm>();
        int bonds = periodic ? n : n - 1;
        for (int i = 0; i < bonds; i++)
        {
            terms.Add(new PauliTerm(-j, 0, (1 << i) | (1 << ((i + 1) % n))));
        }

        for (int i = 0; i < n; i++)
        {
            terms.Add(new PauliTerm(-h, 1 << i, 0));
        }

        return new PauliSum(terms);
    }

    /// <summary>
    /// The MaxCut cost <c>C = Σ_(u,v) (1 − Z_u Z_v) / 2</c>: the number of edges a bitstring cuts (QAOA maximises it).
    /// A repeated edge counts twice.
    /// </summary>
    /// <exception cref="ArgumentNullException"><paramref name="edges"/> is null.</exception>
    /// <exception cref="ArgumentException">An edge is a self-loop or names a qubit outside 0 to 29.</exception>
    public static PauliSum MaxCut(IEnumerable<(int U, int V)> edges)
    {
        ArgumentNullException.ThrowIfNull(edges);
        var terms = new List<PauliTerm>();
        double constant = 0;
        foreach (var (u, v) in edges)
        {
            if ((uint)u >= Circuit.MaxQubits || (uint)v >= Circuit.MaxQubits || u == v)
            {
                throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                    $"Edge ({u}, {v}): an edge joins two different qubits in 0 to {Circuit.MaxQubits - 1}."), nameof(edges));
            }

            terms.Add(new PauliTerm(-0.5, 0, (1 << u) | (1 << v)));
            constant += 0.5;
        }

        return new PauliSum(terms, constant);
    }

    private static void RequireFinite(double value, string name)
    {
        if (!double.IsFinite(value))
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"{name} must be a finite number, not {value}."), name);
        }
    }
}
