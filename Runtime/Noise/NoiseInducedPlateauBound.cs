// Plain C# that builds for netstandard2.0 too (only APIs both targets have, and Guard from Runtime/Circuits): the
// analyzers of the noise-in-the-DSL issue link this file to warn, at the declaration, about depths at which noise alone
// flattens the landscape.
using System;
using System.Globalization;

namespace NegLR;

/// <summary>
/// The noise-induced barren-plateau bounds of Wang, Fontana, Cerezo, Sharma, Sone, Cincio and Coles, "Noise-induced
/// barren plateaus in variational quantum algorithms", Nat. Commun. 12, 6961 (2021) (arXiv:2007.14384), in the form
/// NegLR implements and tests.
/// </summary>
/// <remarks>
/// <para><b>Setting (the paper's assumptions).</b> n qubits start in a pure state. The circuit is a sequence of unitary
/// gates interleaved with <b>local Pauli noise layers</b>: a layer applies a single-qubit Pauli channel
/// N(σ) = q_σ σ (σ = X, Y, Z, |q_σ| ≤ 1) to <b>every</b> qubit. A layer's factor is q = max |q_σ| over its channels;
/// K layers contract by the product Q = q₁ q₂ … q_K (the paper has L + 1 identical layers, before and after each of L
/// unitary layers, so Q = q^(L+1)). Further unital channels anywhere (two-qubit depolarizing, dephasing, …) only help:
/// they never increase the relative entropy to the maximally mixed state, so they may be left out of Q. The cost is
/// C̃ = Tr[O ρ̃] with O = Σᵢ ωᵢ σᵢ a sum of non-identity Pauli strings (an identity term only shifts C̃), and the
/// weight θ enters one gate e^(−iθH) with H = Σₖ ηₖ σₖ (RY(θ) = e^(−iθY/2): H = Y/2, ‖η‖₁ = ½).</para>
/// <para><b>Bounds.</b> With ‖ω‖₁ = Σ|ωᵢ| and ‖η‖₁ = Σ|ηₖ|:</para>
/// <list type="bullet">
/// <item>cost concentration (the paper's Theorem 1): |C̃(θ) − Tr O / 2ⁿ| ≤ √(2 ln 2) · ‖ω‖₁ · √n · Q;</item>
/// <item>gradient (Theorem 2, F(n) = √(8 ln 2) g(n) ‖ω‖ n^(1/2) q^(L+1)): |∂C̃/∂θ| ≤ √(8 ln 2) · ‖η‖₁ · ‖ω‖₁ · √n · Q.</item>
/// </list>
/// <para><b>Why they hold</b> (the paper's route, which these constants follow): the relative entropy of the state to the
/// maximally mixed state starts at most n ln 2, contracts by at least q² through each local Pauli layer (the strong
/// data-processing inequality for local depolarizing-type noise, Müller-Hermes, Stilck França and Wolf, J. Math. Phys.
/// 57, 022202 (2016)) and never grows through unitaries or unital channels, so D(ρ̃ ‖ I/2ⁿ) ≤ n ln 2 · Q². Pinsker's
/// inequality turns that into ‖ρ̃ − I/2ⁿ‖₁ ≤ √(2 ln 2 · n) Q, and Hölder with ‖O‖∞ ≤ ‖ω‖₁ gives the first bound. The
/// derivative −i[σₖ, ρ] of each term of H is the difference of the same circuit with e^(∓iπσₖ/4) inserted (the
/// parameter-shift identity), two noisy costs with the same K layers, each within the first bound of Tr O/2ⁿ: hence
/// the factor 2‖η‖₁ and √(8 ln 2) = 2√(2 ln 2). The paper writes ‖ω‖∞ times the number of terms where this uses the
/// (smaller or equal) ‖ω‖₁.</para>
/// <para><b>What it does not say.</b> It is an upper bound on every gradient component at every θ, loose by design:
/// at the noise strengths of today's devices (p ≈ 10⁻³ per gate) Q stays close to 1 for tens of layers and the bound
/// exceeds the largest possible gradient; it bites only once Q ≪ 1/√n.</para>
/// </remarks>
#if NEGLR_LINKED
internal
#else
public
#endif
static class NoiseInducedPlateauBound
{
    /// <summary>√(8 ln 2) ≈ 2.355: the gradient bound's constant.</summary>
    public static readonly double GradientConstant = Math.Sqrt(8 * Math.Log(2));

    /// <summary>√(2 ln 2) ≈ 1.177: the cost-concentration bound's constant.</summary>
    public static readonly double ConcentrationConstant = Math.Sqrt(2 * Math.Log(2));

    /// <summary>
    /// q of a single-qubit depolarizing channel (1 − p)ρ + p/3 (XρX + YρY + ZρZ): every Pauli is multiplied by
    /// 1 − 4p/3, so q = |1 − 4p/3|.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="p"/> is NaN or outside [0, 1].</exception>
    public static double DepolarizingFactor(double p)
    {
        CheckProbability(p, nameof(p));
        return Math.Abs(1 - (4 * p / 3));
    }

    /// <summary>
    /// q of a single-qubit Pauli channel (1 − pX − pY − pZ)ρ + pX XρX + pY YρY + pZ ZρZ: q_X = 1 − 2(pY + pZ),
    /// q_Y = 1 − 2(pX + pZ), q_Z = 1 − 2(pX + pY), and q = max |q_σ|.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">A probability is NaN or negative, or they add up to more than 1.</exception>
    public static double PauliChannelFactor(double pX, double pY, double pZ)
    {
        CheckProbability(pX, nameof(pX));
        CheckProbability(pY, nameof(pY));
        CheckProbability(pZ, nameof(pZ));
        if (pX + pY + pZ > 1 + 1e-12)
        {
            throw new ArgumentOutOfRangeException(nameof(pZ), pX + pY + pZ, Invariant($"pX + pY + pZ = {pX + pY + pZ:G6} exceeds 1; a Pauli channel's error probabilities add up to at most 1."));
        }

        double qx = Math.Abs(1 - (2 * (pY + pZ)));
        double qy = Math.Abs(1 - (2 * (pX + pZ)));
        double qz = Math.Abs(1 - (2 * (pX + pY)));
        return Math.Max(qx, Math.Max(qy, qz));
    }

    /// <summary>
    /// The local noise contained in a two-qubit depolarizing channel (1 − p)ρ + p/15 Σ (P⊗Q)ρ(P⊗Q): the smallest
    /// u (the strongest local contraction) such that the channel equals R ∘ (D_u ⊗ D_u), with D_u the single-qubit depolarizing
    /// channel multiplying every Pauli by u and R a Pauli channel (completely positive and trace preserving). With
    /// v = 1 − 16p/15 (the factor of every non-identity two-qubit Pauli), u = √(v² + 3v) − v; for small p,
    /// 1 − u ≈ 4p/15. So a layer of two-qubit depolarizing channels that touches every qubit (a CNOT ladder with noise
    /// after each CNOT, each qubit's share taken from the last channel on it) is a local noise layer with factor u.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="p"/> is NaN or outside [0, 15/16] (beyond 15/16 the
    /// channel over-depolarizes and v is negative).</exception>
    public static double TwoQubitDepolarizingLocalFactor(double p)
    {
        if (double.IsNaN(p) || p < 0 || p > 15.0 / 16)
        {
            throw new ArgumentOutOfRangeException(nameof(p), p, Invariant($"p = {p:G6} is outside [0, 15/16]: the local factor of a two-qubit depolarizing channel is defined up to full depolarization (p = 15/16)."));
        }

        double v = 1 - (16 * p / 15);
        return Math.Min(1, Math.Max(0, Math.Sqrt((v * v) + (3 * v)) - v));
    }

    /// <summary>
    /// The local noise contained in any two-qubit Pauli channel, given by its Pauli eigenvalues λ_ab (the channel maps
    /// the Pauli string σ_a⊗σ_b to λ_ab σ_a⊗σ_b; 16 entries in word order, λ of the identity 1): the smallest u ≥ 0
    /// such that the channel equals R ∘ (D_u ⊗ D_u), with D_u the single-qubit depolarizing channel multiplying every
    /// Pauli by u and R a Pauli channel — as <see cref="TwoQubitDepolarizingLocalFactor"/>, which is this for λ = 1 − 16p/15
    /// on every non-identity string. R's eigenvalues are λ_ab / u^w (w the weight of ab); R is a channel exactly when all
    /// its error probabilities P_cd = Σ_ab ±λ_ab u^(−w) / 16 are non-negative (+ when σ_ab and σ_cd commute), and
    /// u²·P_cd is a quadratic in u, so the smallest feasible u is found exactly from those quadratics' roots.
    /// </summary>
    /// <param name="eigenvalues">λ: 16 Pauli eigenvalues in word order (index a + 4b or 4a + b: the weight and the
    /// commutation signs read the same either way). For a channel that is not a Pauli channel pass the diagonal of its
    /// Pauli transfer matrix — the eigenvalues of its Pauli twirl.</param>
    /// <returns>u in [0, 1]; 1 when the channel hides no local noise (e.g. a correlated ZZ error alone).</returns>
    /// <exception cref="ArgumentException">Not 16 values, a value outside [−1, 1] or not finite, or λ of the identity not 1.</exception>
    public static double TwoQubitPauliLocalFactor(double[] eigenvalues)
    {
        if (eigenvalues is null || eigenvalues.Length != 16)
        {
            throw new ArgumentException("A two-qubit Pauli channel has 16 Pauli eigenvalues (word order, the identity's first).", nameof(eigenvalues));
        }

        for (int i = 0; i < 16; i++)
        {
            if (double.IsNaN(eigenvalues[i]) || double.IsInfinity(eigenvalues[i]) || Math.Abs(eigenvalues[i]) > 1 + 1e-9)
            {
                throw new ArgumentException(Invariant($"Pauli eigenvalue {i} is {eigenvalues[i]:G6}; a channel's lie in [−1, 1]."), nameof(eigenvalues));
            }
        }

        if (Math.Abs(eigenvalues[0] - 1) > 1e-9)
        {
            throw new ArgumentException(Invariant($"The identity's eigenvalue is {eigenvalues[0]:G6}; a trace-preserving channel's is 1."), nameof(eigenvalues));
        }

        // u²·16·P_cd = c2·u² + c1·u + c0, collecting λ_ab by the weight w of ab (u^(2 − w)).
        var quadratics = new double[16, 3];
        for (int cd = 0; cd < 16; cd++)
        {
            for (int ab = 0; ab < 16; ab++)
            {
                int a0 = ab & 3, a1 = ab >> 2, c0 = cd & 3, c1 = cd >> 2;
                int weight = (a0 != 0 ? 1 : 0) + (a1 != 0 ? 1 : 0);
                bool anticommutes = Anticommute(a0, c0) ^ Anticommute(a1, c1);
                quadratics[cd, 2 - weight] += anticommutes ? -eigenvalues[ab] : eigenvalues[ab];
            }
        }

        // The feasible set may have gaps: walk down from u = 1 between consecutive roots and stop at the first interval
        // where some P_cd is negative.
        var roots = new System.Collections.Generic.List<double> { 1, 0 };
        for (int cd = 0; cd < 16; cd++)
        {
            AddRoots(quadratics[cd, 2], quadratics[cd, 1], quadratics[cd, 0], roots);
        }

        roots.Sort();
        for (int i = roots.Count - 1; i > 0; i--)
        {
            double hi = roots[i], lo = roots[i - 1];
            if (hi - lo < 1e-15)
            {
                continue;
            }

            double mid = 0.5 * (hi + lo);
            for (int cd = 0; cd < 16; cd++)
            {
                double value = (quadratics[cd, 2] * mid * mid) + (quadratics[cd, 1] * mid) + quadratics[cd, 0];
                if (value < -1e-12)
                {
                    return Math.Min(1, hi);
                }
            }
        }

        return 0;

        static bool Anticommute(int a, int c) => a != 0 && c != 0 && a != c;
    }

    private static void AddRoots(double a, double b, double c, System.Collections.Generic.List<double> roots)
    {
        if (Math.Abs(a) < 1e-300)
        {
            if (Math.Abs(b) > 1e-300)
            {
                AddIfInside(-c / b, roots);
            }

            return;
        }

        double discriminant = (b * b) - (4 * a * c);
        if (discriminant < 0)
        {
            return;
        }

        double root = Math.Sqrt(discriminant);
        AddIfInside((-b + root) / (2 * a), roots);
        AddIfInside((-b - root) / (2 * a), roots);
    }

    private static void AddIfInside(double u, System.Collections.Generic.List<double> roots)
    {
        if (u > 0 && u < 1)
        {
            roots.Add(u);
        }
    }

    /// <summary>
    /// Upper bound on |∂C̃/∂θ| for any weight θ at any point: √(8 ln 2) · ‖η‖₁ · ‖ω‖₁ · √n · Q (see the remarks).
    /// </summary>
    /// <param name="qubits">n.</param>
    /// <param name="contraction">Q: the product of the factors q of the circuit's local Pauli noise layers (1 without noise).</param>
    /// <param name="generatorNorm">‖η‖₁ of the generator H of the gate e^(−iθH) (½ for RX, RY, RZ with angle θ; |m|/2 for angle mθ + c).</param>
    /// <param name="observableNorm">‖ω‖₁: the sum of |coefficients| of the cost's non-identity Pauli terms.</param>
    /// <exception cref="ArgumentOutOfRangeException">A value is NaN, negative, or <paramref name="qubits"/> is below 1 or <paramref name="contraction"/> above 1.</exception>
    public static double GradientBound(int qubits, double contraction, double generatorNorm, double observableNorm)
    {
        CheckNorm(generatorNorm, nameof(generatorNorm));
        return 2 * generatorNorm * ConcentrationBound(qubits, contraction, observableNorm);
    }

    /// <summary>
    /// <see cref="GradientBound(int, double, double, double)"/> for <paramref name="layers"/> local noise layers with the same
    /// <paramref name="factor"/> q (Q = q^layers).
    /// </summary>
    public static double GradientBound(int qubits, int layers, double factor, double generatorNorm, double observableNorm) =>
        GradientBound(qubits, Contraction(factor, layers), generatorNorm, observableNorm);

    /// <summary>Upper bound on |C̃(θ) − Tr O/2ⁿ| at any point: √(2 ln 2) · ‖ω‖₁ · √n · Q (see the remarks).</summary>
    /// <param name="qubits">n.</param>
    /// <param name="contraction">Q: the product of the factors of the local Pauli noise layers.</param>
    /// <param name="observableNorm">‖ω‖₁ of the cost's non-identity Pauli terms.</param>
    public static double ConcentrationBound(int qubits, double contraction, double observableNorm)
    {
        if (qubits < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(qubits), qubits, "A circuit has at least 1 qubit.");
        }

        if (double.IsNaN(contraction) || contraction < 0 || contraction > 1)
        {
            throw new ArgumentOutOfRangeException(nameof(contraction), contraction, Invariant($"The contraction Q = {contraction:G6} must lie in [0, 1]: it is a product of factors q = max |q_σ| ≤ 1."));
        }

        CheckNorm(observableNorm, nameof(observableNorm));
        return ConcentrationConstant * observableNorm * Math.Sqrt(qubits) * contraction;
    }

    /// <summary>Q = q^layers, checked.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="factor"/> outside [0, 1] or <paramref name="layers"/> negative.</exception>
    public static double Contraction(double factor, int layers)
    {
        if (double.IsNaN(factor) || factor < 0 || factor > 1)
        {
            throw new ArgumentOutOfRangeException(nameof(factor), factor, Invariant($"A noise layer's factor q = {factor:G6} must lie in [0, 1]."));
        }

        if (layers < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(layers), layers, "The number of noise layers must be 0 or more.");
        }

        return Math.Pow(factor, layers);
    }

    /// <summary>
    /// The fewest local noise layers of factor <paramref name="factor"/> after which the gradient bound is at most
    /// <paramref name="gradient"/>: the depth from which the theorem guarantees a plateau that deep. 0 when the bound is
    /// already below it without noise; <see cref="int.MaxValue"/> when it never gets there (q = 1).
    /// </summary>
    public static int LayersUntilGradientBelow(int qubits, double factor, double generatorNorm, double observableNorm, double gradient)
    {
        if (double.IsNaN(gradient) || gradient <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(gradient), gradient, "The gradient level must be positive.");
        }

        double start = GradientBound(qubits, 1.0, generatorNorm, observableNorm);
        _ = Contraction(factor, 0);
        if (start <= gradient)
        {
            return 0;
        }

        if (factor >= 1)
        {
            return int.MaxValue;
        }

        if (factor <= 0)
        {
            return 1;
        }

        double layers = Math.Ceiling(Math.Log(gradient / start) / Math.Log(factor));
        return layers >= int.MaxValue ? int.MaxValue : (int)layers;
    }

    private static void CheckProbability(double p, string name)
    {
        if (double.IsNaN(p) || p < 0 || p > 1)
        {
            throw new ArgumentOutOfRangeException(name, p, Invariant($"{name} = {p:G6} is outside [0, 1]."));
        }
    }

    private static void CheckNorm(double value, string name)
    {
        if (!Guard.IsFinite(value) || value < 0)
        {
            throw new ArgumentOutOfRangeException(name, value, Invariant($"{name} = {value:G6} must be a finite number ≥ 0 (a sum of |coefficients|)."));
        }
    }

    private static string Invariant(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
