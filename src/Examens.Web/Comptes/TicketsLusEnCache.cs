using Examens.Web.Infrastructure;
using Microsoft.AspNetCore.Authentication;

namespace Examens.Web.Comptes;

/// <summary>
/// The session cookie, read once per node and per minute. The same cookie comes back with every page a person opens,
/// and each reading is a data-protection decryption (a key derivation, an HMAC, AES): a cookie this node read less than
/// <see cref="Duree"/> ago gives back a copy of the ticket it held, anything else is read by Data Protection as before.
/// Keyed by the whole cookie (its SHA-256), so only that exact cookie reaches its entry; it keeps tickets, not
/// decisions: the ticket's expiry and the periodic check of the session (<see cref="ValidationSession"/>) still run on
/// every request.
/// The minute bounds how long a revoked data-protection key goes on being honoured for a cookie already seen.
/// </summary>
public sealed class TicketsLusEnCache(ISecureDataFormat<AuthenticationTicket> format, TimeProvider horloge) : ISecureDataFormat<AuthenticationTicket>
{
    /// <summary>
    /// At most this many cookies kept (each entry a copy of the ticket, a few kilobytes, under the cookie's SHA-256; see
    /// <see cref="CopieBornee{TValeur}"/>).
    /// </summary>
    public const int Capacite = 10_000;

    public static readonly TimeSpan Duree = TimeSpan.FromMinutes(1);

    private readonly CopieBornee<AuthenticationTicket> _lus = new(Capacite);

    public string Protect(AuthenticationTicket data) => format.Protect(data);

    public string Protect(AuthenticationTicket data, string? purpose) => format.Protect(data, purpose);

    public AuthenticationTicket? Unprotect(string? protectedText) => Unprotect(protectedText, null);

    public AuthenticationTicket? Unprotect(string? protectedText, string? purpose)
    {
        if (string.IsNullOrEmpty(protectedText))
        {
            return format.Unprotect(protectedText, purpose);
        }

        var maintenant = horloge.GetUtcNow();
        var cle = purpose is null ? protectedText : $"{purpose}\n{protectedText}";
        if (_lus.TryLire(cle, maintenant, out var lu))
        {
            // A copy: the authentication pipeline may replace or add to the principal of this request only.
            return lu.Clone();
        }

        var ticket = format.Unprotect(protectedText, purpose);
        if (ticket is not null)
        {
            _lus.Garder(cle, ticket.Clone(), maintenant + Duree, maintenant);
        }

        return ticket;
    }
}
