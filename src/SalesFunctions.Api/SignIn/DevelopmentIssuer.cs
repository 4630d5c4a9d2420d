using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using SalesFunctions.Core.Security;

namespace SalesFunctions.Api.SignIn;

/// <summary>
/// A stand-in for Entra ID in the Development and Demo environments: it signs tokens of the same shape (iss
/// {Instance}{tid}/v2.0, aud, tid, oid, roles, preferred_username) with an RSA key created at first start outside the
/// repository, and publishes the OpenID metadata and keys that the bearer middleware reads, exactly as it reads
/// Entra's. No key is ever committed; tokens it signs are worthless anywhere its metadata is not trusted.
/// </summary>
public sealed class DevelopmentIssuer
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(1);

    private readonly RsaSecurityKey _key;
    private readonly SignInOptions _options;

    public DevelopmentIssuer(IOptions<SignInOptions> options)
    {
        _options = options.Value;
        var rsa = RSA.Create();
        rsa.ImportFromPem(LoadOrCreatePem(KeyPath(_options.DevelopmentIssuer)));
        var publicKey = rsa.ExportSubjectPublicKeyInfo();
        _key = new RsaSecurityKey(rsa) { KeyId = Base64UrlEncoder.Encode(SHA256.HashData(publicKey)[..12]) };
    }

    /// <summary>The OpenID configuration document, as Entra's multi-tenant one: the issuer holds a {tenantid} placeholder.</summary>
    public object Metadata() => new Dictionary<string, object>
    {
        ["issuer"] = $"{_options.Instance}{{tenantid}}/v2.0",
        ["jwks_uri"] = $"{_options.Instance}common/discovery/v2.0/keys",
        ["id_token_signing_alg_values_supported"] = new[] { SecurityAlgorithms.RsaSha256 },
        ["token_endpoint"] = $"{_options.Instance}token",
        ["response_types_supported"] = new[] { "token" },
        ["subject_types_supported"] = new[] { "pairwise" },
    };

    /// <summary>The public signing key as a JSON Web Key Set.</summary>
    public object Keys()
    {
        var jwk = JsonWebKeyConverter.ConvertFromRSASecurityKey(new RsaSecurityKey(_key.Rsa.ExportParameters(false)) { KeyId = _key.KeyId });
        return new { keys = new[] { new { kty = jwk.Kty, use = "sig", kid = jwk.Kid, n = jwk.N, e = jwk.E, alg = SecurityAlgorithms.RsaSha256 } } };
    }

    /// <summary>A signed access token for one person of one tenant, in one role, valid for an hour from now.</summary>
    /// <param name="entraTenantId">The tid claim: the Entra tenant that <see cref="SignInOptions.Tenants"/> maps to a SalesFunctions tenant.</param>
    /// <remarks>
    /// The token library checks lifetimes against the wall clock, not the Host's TimeProvider, so tokens are stamped
    /// with the wall clock too.
    /// </remarks>
    public string Issue(string entraTenantId, CallerRole role, string subject, string email, string name) =>
        Issue(new TokenRequest(entraTenantId, [role.ToString()], subject, email, name, DateTime.UtcNow, DateTime.UtcNow + Lifetime));

    /// <summary>Any token of the development issuer's shape: tests use it for expired, early or role-less tokens.</summary>
    public string Issue(TokenRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = request.Issuer ?? $"{_options.Instance}{request.EntraTenantId}/v2.0",
            Audience = request.Audience ?? _options.Audience,
            IssuedAt = request.NotBefore,
            NotBefore = request.NotBefore,
            Expires = request.Expires,
            SigningCredentials = new SigningCredentials(_key, SecurityAlgorithms.RsaSha256),
            Claims = new Dictionary<string, object>
            {
                [CallerClaims.TenantClaim] = request.EntraTenantId,
                [CallerClaims.ObjectIdClaim] = request.Subject,
                [CallerClaims.RolesClaim] = request.Roles,
                [CallerClaims.UsernameClaim] = request.Email,
                ["name"] = request.Name,
                ["ver"] = "2.0",
            },
        };
        return new JsonWebTokenHandler().CreateToken(descriptor);
    }

    private static string KeyPath(DevelopmentIssuerOptions options) =>
        options.KeyPath is { Length: > 0 } path
            ? path
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".salesfunctions", "development-issuer-key.pem");

    private static string LoadOrCreatePem(string path)
    {
        if (File.Exists(path))
        {
            return File.ReadAllText(path);
        }

        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        using var rsa = RSA.Create(2048);
        var pem = rsa.ExportPkcs8PrivateKeyPem();
        var temporary = path + "." + Guid.NewGuid().ToString("N");
        var create = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            create.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using (var file = new FileStream(temporary, create))
        using (var writer = new StreamWriter(file))
        {
            writer.Write(pem);
        }

        // Two Hosts starting at once (tests, chaos runs) must end with one key: the first rename wins, the other reads it.
        try
        {
            File.Move(temporary, path, overwrite: false);
        }
        catch (IOException) when (File.Exists(path))
        {
            File.Delete(temporary);
        }

        return File.ReadAllText(path);
    }
}
