"""The encrypted backup file ("sealed" backup): what leaves the station file is never readable.

No crypto of our own: age (https://age-encryption.org, through pyrage, the Python binding of the
Rust `age` crate) encrypts the station, and `cryptography` (scrypt, ChaCha20-Poly1305) protects
its key with the passphrase. When the station is made, an age X25519 key pair is made for its
backups: the station keeps the public *recipient* and the private *identity* wrapped with the
backup passphrase. So a desk encrypts a backup every five minutes without anyone typing the
passphrase, and the passphrase is never stored: only a restore (or `verify BACKUP`) unwraps the
identity, with one scrypt.

The identity is wrapped the way age's own passphrase stanza wraps a file key (scrypt, then
ChaCha20-Poly1305), but with a fixed work factor written beside it (2^17, 128 MiB, about a
second): age's passphrase mode measures the machine at hand to choose one, and on this project's
VM it chose from 2^16 to 2^20 (1 GiB, ten seconds to open) from one run to the next.

A file is self-contained, so that the file and the passphrase (the paper in the sealed envelope)
are all a restore needs, even when the laptop is gone:

    MAGIC                  19 bytes, "TPS-CONSOLE-BACKUP\\n"
    version                1 byte
    wrapped length         4 bytes, big-endian
    payload length         8 bytes, big-endian
    wrapped identity       see `wrap_identity`
    header checksum        SHA-256 of everything above
    payload                the station's SQLite image, age-encrypted to the recipient

The checksum is no secret and no seal (the AEAD tags are): it lets a damaged header be named as
damaged instead of passing for a wrong passphrase, and the payload length lets a cut-off copy be
named as truncated before anyone is asked for a passphrase.

pyrage and cryptography are imported by the functions that use them, not here: the desk and the
start screen import this module (through the backup's settings) and would otherwise load some
thirty modules of crypto before their first frame, for a backup made minutes later.
"""

from __future__ import annotations

import base64
import contextlib
import hashlib
import io
import os
import struct
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO

from tps_console.domain.errors import BadInput
from tps_console.domain.store.output import FILE_MODE

MAGIC = b"TPS-CONSOLE-BACKUP\n"
SQLITE_MAGIC = b"SQLite format 3\x00"
FORMAT_VERSION = 1
_FIXED = struct.Struct(">BIQ")  # version, wrapped length, payload length
_CHECKSUM = hashlib.sha256().digest_size
_MAX_WRAPPED = 1 << 16  # a wrapped identity is about a hundred bytes
WRAP_TAG = b"tps-console-key-v1\n"
_WRAP = struct.Struct(">16sB12s")  # scrypt salt, log2 of its work factor, AEAD nonce
SCRYPT_LOG_N = 17  # 2^17 with r=8: 128 MiB and about a second, on the laptop of the day
# A wrapped identity names its own work factor; one beyond these is a damaged (or hostile) file,
# not a reason to spend a minute and gigabytes on it.
_LOG_N_RANGE = range(10, 21)


@dataclass(frozen=True)
class BackupKey:
    """What the station keeps to encrypt its backups: the age recipient (public) and the age
    identity wrapped with the backup passphrase. Neither reveals the passphrase."""

    recipient: str
    wrapped_identity: bytes

    @property
    def wrapped_text(self) -> str:
        return base64.b64encode(self.wrapped_identity).decode("ascii")

    @classmethod
    def from_text(cls, recipient: str, wrapped: str) -> BackupKey:
        return cls(recipient, base64.b64decode(wrapped))


def make_key(passphrase: str, *, log_n: int = SCRYPT_LOG_N) -> BackupKey:
    """A new key pair for a station's backups, the identity wrapped with `passphrase` (one
    scrypt of 2^`log_n`, about a second at the default)."""
    import pyrage

    identity = pyrage.x25519.Identity.generate()
    wrapped = wrap_identity(str(identity).encode("ascii"), passphrase, log_n=log_n)
    return BackupKey(str(identity.to_public()), wrapped)


def wrap_identity(secret: bytes, passphrase: str, *, log_n: int = SCRYPT_LOG_N) -> bytes:
    """WRAP_TAG, then salt, work factor and nonce, then `secret` sealed with ChaCha20-Poly1305
    under the scrypt of the passphrase (the tag and parameters authenticated with it)."""
    from cryptography.hazmat.primitives.ciphers.aead import ChaCha20Poly1305

    salt, nonce = os.urandom(16), os.urandom(12)
    params = WRAP_TAG + _WRAP.pack(salt, log_n, nonce)
    return params + ChaCha20Poly1305(_stretch(passphrase, salt, log_n)).encrypt(
        nonce, secret, params
    )


def _stretch(passphrase: str, salt: bytes, log_n: int) -> bytes:
    from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

    return Scrypt(salt=salt, length=32, n=1 << log_n, r=8, p=1).derive(passphrase.encode())


def unlock(wrapped: bytes, passphrase: str, *, where: str = "") -> Any:
    """The identity that decrypts the backups, or BadInput `backup.wrong_passphrase` (and
    `backup.damaged` for a wrapped identity that is not one)."""
    import pyrage
    from cryptography.exceptions import InvalidTag
    from cryptography.hazmat.primitives.ciphers.aead import ChaCha20Poly1305

    start = len(WRAP_TAG) + _WRAP.size
    if not wrapped.startswith(WRAP_TAG) or len(wrapped) <= start:
        raise BadInput("backup.damaged", path=where)
    salt, log_n, nonce = _WRAP.unpack_from(wrapped, len(WRAP_TAG))
    if log_n not in _LOG_N_RANGE:
        raise BadInput("backup.damaged", path=where)
    aead = ChaCha20Poly1305(_stretch(passphrase, salt, log_n))
    try:
        secret = aead.decrypt(nonce, wrapped[start:], wrapped[:start])
    except InvalidTag as exc:
        raise BadInput("backup.wrong_passphrase") from exc
    return pyrage.x25519.Identity.from_str(secret.decode("ascii"))


def is_sealed(path: Path) -> bool:
    """Whether `path` starts like a sealed backup, or is one cut off inside its first bytes (an
    empty file too: then it is named as truncated). A missing or unreadable file is not."""
    try:
        with path.open("rb") as f:
            return MAGIC.startswith(f.read(len(MAGIC)))
    except OSError:
        return False


def write_sealed(image: bytes, dest: Path, key: BackupKey) -> Path:
    """Write the SQLite image `image` encrypted to `key` at `dest`: under a temporary name
    (`.NAME.PID.tmp`, in the same folder), fsynced, then renamed, so `dest` appears whole or
    not at all. Plain bytes are never written anywhere. This is what any copy of a station that
    leaves it uses (the backups, and a station image built in memory by a copy command)."""
    import pyrage

    recipient = pyrage.x25519.Recipient.from_str(key.recipient)
    tmp = dest.with_name(f".{dest.name}.{os.getpid()}.tmp")
    tmp.unlink(missing_ok=True)
    try:
        with os.fdopen(os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, FILE_MODE), "wb") as out:
            # The payload's length is known once it is written: room for the header first.
            header_size = len(_header(key.wrapped_identity, 0))
            out.write(b"\0" * header_size)
            pyrage.encrypt_io(io.BytesIO(image), out, [recipient])
            payload = out.tell() - header_size
            out.seek(0)
            out.write(_header(key.wrapped_identity, payload))
            out.flush()
            os.fsync(out.fileno())
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    os.replace(tmp, dest)
    return dest


def _header(wrapped: bytes, payload: int) -> bytes:
    fields = MAGIC + _FIXED.pack(FORMAT_VERSION, len(wrapped), payload) + wrapped
    return fields + hashlib.sha256(fields).digest()


@dataclass(frozen=True)
class _Parsed:
    wrapped: bytes
    payload_at: int


def _parse(f: BinaryIO, path: Path) -> _Parsed:
    """The header, checked; the file's length against it. Names a truncated or damaged file, or
    one made by a newer version, before any passphrase is asked."""
    where = str(path)
    head = f.read(len(MAGIC) + _FIXED.size)
    if len(head) < len(MAGIC) + _FIXED.size:
        raise BadInput("backup.truncated", path=where)
    if head[: len(MAGIC)] != MAGIC:
        raise BadInput("backup.not_sealed", path=where)
    version, wrapped_size, payload = _FIXED.unpack(head[len(MAGIC) :])
    if version != FORMAT_VERSION:
        raise BadInput("backup.new_version", path=where, version=version)
    if wrapped_size > _MAX_WRAPPED:
        raise BadInput("backup.damaged", path=where)
    rest = f.read(wrapped_size + _CHECKSUM)
    if len(rest) < wrapped_size + _CHECKSUM:
        raise BadInput("backup.truncated", path=where)
    wrapped, checksum = rest[:wrapped_size], rest[wrapped_size:]
    if hashlib.sha256(head + wrapped).digest() != checksum:
        raise BadInput("backup.damaged", path=where)
    payload_at = f.tell()
    size = os.fstat(f.fileno()).st_size
    if size < payload_at + payload:
        raise BadInput("backup.truncated", path=where)
    if size > payload_at + payload:
        raise BadInput("backup.damaged", path=where)
    return _Parsed(wrapped, payload_at)


def check_sealed(path: Path) -> None:
    """Raises BadInput if `path` is not a whole sealed backup (truncated, damaged, newer)."""
    with path.open("rb") as f:
        _parse(f, path)


def open_sealed(path: Path, passphrase: Callable[[], str], into: Path) -> None:
    """Decrypt the sealed backup `path` into the new file `into` (the caller's staging file).

    `passphrase` is asked only once the file is known to be whole. A wrong passphrase is
    `backup.wrong_passphrase`, a payload that does not decrypt `backup.damaged`; in every case
    `into` is removed again."""
    import pyrage

    with path.open("rb") as f:
        parsed = _parse(f, path)
        identity = unlock(parsed.wrapped, passphrase(), where=str(path))
        f.seek(parsed.payload_at)
        try:
            with os.fdopen(
                os.open(into, os.O_WRONLY | os.O_CREAT | os.O_EXCL, FILE_MODE), "wb"
            ) as out:
                pyrage.decrypt_io(f, out, [identity])
                out.flush()
                os.fsync(out.fileno())
        except BaseException as exc:
            with contextlib.suppress(OSError):
                into.unlink(missing_ok=True)
            if _undecryptable(exc):
                raise BadInput("backup.damaged", path=str(path)) from exc
            raise


def _undecryptable(exc: BaseException) -> bool:
    """A payload that age refuses: a bad header is a DecryptError, a chunk that fails its MAC an
    OSError without an errno (the Rust side's I/O error); a real fault of the disk has one."""
    import pyrage

    if isinstance(exc, pyrage.DecryptError):
        return True
    return isinstance(exc, OSError) and exc.errno is None
