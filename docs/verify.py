#!/usr/bin/env python3
"""Accord's independent verifier: Python 3 standard library only, written from docs/log-format.md.

    python3 verify.py DIR          check an evidence folder (ledger.log, checkpoints, log.key, policy)
    python3 verify.py LOG_FILE     check only a log file: header, framing, CRC-32C, positions, hash chain
    python3 verify.py --self-test  check this file's Ed25519, CRC-32C and Merkle code against published vectors

Options for DIR: --key FILE and --policy FILE take the log's verifier key and the witness policy from files you
obtained yourself instead of from DIR (an evidence folder can be forged whole by whoever holds the log's key).

Exit status: 0 clean (notices may be printed), 1 manipulation (a record or checkpoint contradicts the log),
2 gap (records no checkpoint meeting the quorum covers), 64 usage. Every finding names its position and byte
offset (in ledger.log) or its checkpoint and byte offset (in checkpoints). It never changes a file.
"""
import base64
import hashlib
import json
import os
import struct
import sys

CLEAN, MANIPULATION, GAP, USAGE = 0, 1, 2, 64

# ---------------------------------------------------------------- Ed25519 verification (RFC 8032, section 5.1.7)

FIELD = 2**255 - 19
ORDER = 2**252 + 27742317777372353535851937790883648493
CURVE_D = -121665 * pow(121666, FIELD - 2, FIELD) % FIELD
SQRT_MINUS_ONE = pow(2, (FIELD - 1) // 4, FIELD)


def point_add(first, second):
    """Adds two points in extended coordinates (X, Y, Z, T), x = X/Z, y = Y/Z, x*y = T/Z (RFC 8032, 5.1.4)."""
    x1, y1, z1, t1 = first
    x2, y2, z2, t2 = second
    a = (y1 - x1) * (y2 - x2) % FIELD
    b = (y1 + x1) * (y2 + x2) % FIELD
    c = 2 * t1 * t2 * CURVE_D % FIELD
    d = 2 * z1 * z2 % FIELD
    e, f, g, h = b - a, d - c, d + c, b + a
    return (e * f % FIELD, g * h % FIELD, f * g % FIELD, e * h % FIELD)


def multiples_table(point):
    """table[j][d] = d * 16**j * point, for j < 64 and d < 16: a scalar below 2**256 is then the sum of one entry
    per hexadecimal digit, 64 additions and no doubling. Made once per key (the log's and each witness's)."""
    table = []
    for _ in range(64):
        row = [(0, 1, 1, 0), point]
        for _ in range(14):
            row.append(point_add(row[-1], point))
        table.append(row)
        point = point_add(row[8], row[8])
    return table


TABLES = {}


def scalar_multiply(scalar, point, key):
    """[scalar]point, with the table of `point` kept under `key`."""
    table = TABLES.get(key)
    if table is None:
        table = TABLES[key] = multiples_table(point)
    result = (0, 1, 1, 0)
    for row in table:
        if scalar & 15:
            result = point_add(result, row[scalar & 15])
        scalar >>= 4
    return result


def points_equal(first, second):
    x1, y1, z1, _ = first
    x2, y2, z2, _ = second
    return (x1 * z2 - x2 * z1) % FIELD == 0 and (y1 * z2 - y2 * z1) % FIELD == 0


def decode_point(encoded):
    """Point decompression (RFC 8032, 5.1.3); None if the 32 bytes are not a point's canonical encoding."""
    if len(encoded) != 32:
        return None
    value = int.from_bytes(encoded, "little")
    sign, y = value >> 255, value & ((1 << 255) - 1)
    if y >= FIELD:
        return None
    u, v = (y * y - 1) % FIELD, (CURVE_D * y * y + 1) % FIELD
    x = u * pow(v, 3, FIELD) * pow(u * pow(v, 7, FIELD), (FIELD - 5) // 8, FIELD) % FIELD
    if (v * x * x - u) % FIELD != 0:
        if (v * x * x + u) % FIELD != 0:
            return None
        x = x * SQRT_MINUS_ONE % FIELD
    if x == 0 and sign:
        return None
    if x & 1 != sign:
        x = FIELD - x
    return (x, y, 1, x * y % FIELD)


BASE_Y = 4 * pow(5, FIELD - 2, FIELD) % FIELD
BASE = decode_point(BASE_Y.to_bytes(32, "little"))


def ed25519_verify(public_key, message, signature):
    """True if `signature` is `public_key`'s signature of `message`: [S]B = R + [k]A with k = SHA-512(R || A || M)."""
    if len(public_key) != 32 or len(signature) != 64:
        return False
    a, r = decode_point(public_key), decode_point(signature[:32])
    s = int.from_bytes(signature[32:], "little")
    if a is None or r is None or s >= ORDER:
        return False
    k = int.from_bytes(hashlib.sha512(signature[:32] + public_key + message).digest(), "little") % ORDER
    return points_equal(scalar_multiply(s, BASE, "base"), point_add(r, scalar_multiply(k, a, public_key)))


# ---------------------------------------------------------------- CRC-32C (log format, section 5)


def crc_tables():
    """table[0] is the byte-at-a-time table of section 5; table[k][i] is table[0][i] advanced by k zero bytes, so
    that eight bytes are folded in at once ("slicing by 8")."""
    first = []
    for index in range(256):
        crc = index
        for _ in range(8):
            crc = (crc >> 1) ^ 0x82F63B78 if crc & 1 else crc >> 1
        first.append(crc)
    tables = [first]
    for _ in range(7):
        tables.append([(value >> 8) ^ first[value & 0xFF] for value in tables[-1]])
    return tables


CRC_TABLES = crc_tables()


def crc32c(data):
    crc = 0xFFFFFFFF
    t0, t1, t2, t3, t4, t5, t6, t7 = CRC_TABLES
    whole = len(data) - len(data) % 8
    for low, high in struct.iter_unpack("<II", data[:whole]):
        low ^= crc
        crc = (t7[low & 0xFF] ^ t6[(low >> 8) & 0xFF] ^ t5[(low >> 16) & 0xFF] ^ t4[low >> 24]
               ^ t3[high & 0xFF] ^ t2[(high >> 8) & 0xFF] ^ t1[(high >> 16) & 0xFF] ^ t0[high >> 24])
    for byte in data[whole:]:
        crc = t0[(crc ^ byte) & 0xFF] ^ (crc >> 8)
    return crc ^ 0xFFFFFFFF


# ---------------------------------------------------------------- Merkle tree (RFC 9162, section 2.1; log format 13)


def leaf_hash(entry):
    return hashlib.sha256(b"\x00" + entry).digest()


def node_hash(left, right):
    return hashlib.sha256(b"\x01" + left + right).digest()


EMPTY_ROOT = hashlib.sha256(b"").digest()


class CompactRange:
    """The roots of the full subtrees making up the tree so far, largest first: the root at any size in one pass."""

    def __init__(self):
        self.size, self.peaks = 0, []

    def append(self, leaf):
        self.peaks.append(leaf)
        self.size += 1
        size = self.size
        while size & 1 == 0:
            right = self.peaks.pop()
            self.peaks[-1] = node_hash(self.peaks[-1], right)
            size >>= 1

    def root(self):
        if not self.peaks:
            return EMPTY_ROOT
        root = self.peaks[-1]
        for peak in reversed(self.peaks[:-1]):
            root = node_hash(peak, root)
        return root


# ---------------------------------------------------------------- findings


class Findings:
    def __init__(self):
        self.manipulations, self.gaps, self.notices = 0, 0, 0

    def manipulation(self, where, text):
        self.manipulations += 1
        print(f"MANIPULATION: {where}: {text}")

    def gap(self, where, text):
        self.gaps += 1
        print(f"GAP: {where}: {text}")

    def notice(self, where, text):
        self.notices += 1
        print(f"NOTICE: {where}: {text}")

    def exit_status(self):
        return MANIPULATION if self.manipulations else GAP if self.gaps else CLEAN


def at_record(position, offset):
    return f"position {position}, byte offset {offset} of ledger.log"


# ---------------------------------------------------------------- the log (log format, sections 3, 4 and 7)

GENESIS = hashlib.sha256(b"accord-ledger-genesis-v1").digest()
HEADER_BYTES, MIN_FRAME, MAX_FRAME = 32, 114, 1_118_356


def whole_frame_at(data, start):
    """A valid marker, a possible length, all its bytes present and a matching checksum."""
    if len(data) - start < 8 or data[start:start + 4] != b"ACRD":
        return False
    (length,) = struct.unpack_from("<I", data, start + 4)
    if not MIN_FRAME <= length <= MAX_FRAME or start + length > len(data):
        return False
    return crc32c(data[start:start + length - 4]) == struct.unpack_from("<I", data, start + length - 4)[0]


def next_whole_frame(data, start):
    """The offset of the first whole frame after `start`, or None."""
    candidate = data.find(b"ACRD", start + 1)
    while candidate != -1:
        if whole_frame_at(data, candidate):
            return candidate
        candidate = data.find(b"ACRD", candidate + 1)
    return None


def decode_fields(frame, length):
    """(problem, payload): why the fields of a frame do not decode as section 4 says (None if they do), and the
    payload bytes."""
    encoding, flags, reserved = frame[60], frame[61], struct.unpack_from("<H", frame, 62)[0]
    if encoding == 0:
        return "payload encoding 0", None
    if flags & ~0x03 or reserved:
        return "unknown flag bits or reserved bits set", None
    cursor, end = 64, length - 36

    def take(count):
        nonlocal cursor
        if cursor + count > end:
            raise ValueError("a field runs past the end of the record")
        cursor += count
        return frame[cursor - count:cursor]

    try:
        for _ in range(3 + (flags & 1)):
            (size,) = struct.unpack("<H", take(2))
            if size > 1024:
                return "a text field is over 1,024 bytes", None
            take(size).decode("utf-8")
        if flags & 2:
            take(32)
        (size,) = struct.unpack("<I", take(4))
        if size > 1_048_576:
            return "the payload is over 1 MiB", None
        payload = take(size)
        (size,) = struct.unpack("<I", take(4))
        if size > 65_536:
            return "the extension area is over 64 KiB", None
        area, last_type, index = take(size), -1, 0
        while index < len(area):
            if index + 6 > len(area):
                return "an extension entry's header runs past the area", None
            entry_type, value_length = struct.unpack_from("<HI", area, index)
            index += 6 + value_length
            if index > len(area) or entry_type <= last_type or entry_type & 0x8000:
                return f"extension entry {entry_type} is out of order, too long or critical and unknown", None
            last_type = entry_type
        if cursor != end:
            return "bytes are left between the extension area and the hash", None
    except UnicodeDecodeError:
        return "a text field is not UTF-8", None
    except ValueError as problem:
        return str(problem), None
    return None, payload


class Log:
    """What a pass over the log found: per record in file order its position, offset and stored hash."""

    def __init__(self):
        self.positions, self.offsets, self.hashes = [], [], []
        self.size_bytes = 0


def check_header(data, findings):
    where = "byte offset 0 of ledger.log"
    if len(data) < HEADER_BYTES or data[:8] != b"ACCORDLG":
        findings.manipulation(where, "log_bad_header: this is not an Accord log (no ACCORDLG header)")
        return False
    if crc32c(data[:28]) != struct.unpack_from("<I", data, 28)[0]:
        findings.manipulation(where, "log_bad_header: the header checksum does not match")
        return False
    version, header_length, flags = struct.unpack_from("<HHI", data, 8)
    if version != 1 or header_length != HEADER_BYTES or flags != 0 or any(data[16:28]):
        findings.manipulation(where, f"log_bad_header: format version {version} (or its header fields) is unknown")
        return False
    return True


def check_log(data, findings):
    """Section 7, reporting every fault rather than the first: a damaged stretch is skipped to the next whole frame,
    a whole frame with a wrong position or hash is reported and its stored values carried on."""
    log = Log()
    log.size_bytes = len(data)
    if not check_header(data, findings):
        return None
    offset, position, previous, previous_time = HEADER_BYTES, 1, GENESIS, None
    while offset < len(data):
        where = at_record(position, offset)
        length = struct.unpack_from("<I", data, offset + 4)[0] if len(data) - offset >= 8 else None
        damage = None
        if length is None:
            damage = "incomplete envelope"
        elif data[offset:offset + 4] != b"ACRD":
            damage = "bad marker"
        elif not MIN_FRAME <= length <= MAX_FRAME:
            damage = f"impossible length {length}"
        elif offset + length > len(data):
            damage = "incomplete frame"
        elif not whole_frame_at(data, offset):
            damage = "checksum mismatch"
        if damage:
            after = next_whole_frame(data, offset)
            if after is None:
                if damage.startswith("incomplete") or not any(data[offset:]):
                    findings.notice(where, f"log_torn_tail: {damage} ({len(data) - offset} bytes): a write cut short "
                                    "by a crash, not an acknowledged record unless a checkpoint covers it")
                else:
                    findings.manipulation(where, f"log_tail_damaged: {damage}: the last record is whole but wrong")
                break
            code = "log_checksum_mismatch" if damage == "checksum mismatch" else "log_bad_frame"
            if damage == "checksum mismatch" and after == offset + length:
                # The frame's bounds are sound (the next frame starts where it ends): keep its stored hash as
                # the leaf, so that one changed byte is one finding.
                findings.manipulation(where, f"{code}: the record's bytes were changed (CRC-32C does not match)")
            else:
                findings.manipulation(where, f"{code}: {damage}; bytes {offset} to {after} are not a record")
                offset = after
                continue
        frame = data[offset:offset + length]
        (stored_position,) = struct.unpack_from("<Q", frame, 8)
        stored_hash = frame[length - 36:length - 4]
        if stored_position != position:
            findings.manipulation(where, f"log_position_gap: the record holds position {stored_position}: records "
                                  "are missing, duplicated or reordered")
        if frame[16:48] != previous:
            findings.manipulation(where, f"log_chain_broken: previous hash expected {previous.hex()}, found "
                                  f"{frame[16:48].hex()}: a record before this one was changed, removed or inserted")
        problem, payload = decode_fields(frame, length)
        if problem:
            findings.manipulation(where, f"log_invalid_record: {problem}")
        elif frame[60] == 1:
            try:
                json.loads(payload.decode("utf-8"))
            except ValueError:
                findings.notice(where, "the payload of encoding 1 is not UTF-8 JSON: the log format allows it, but "
                                "accordd refuses to start on it (event_undecodable)")
        computed = hashlib.sha256(frame[:length - 36]).digest()
        if stored_hash != computed and damage is None:
            findings.manipulation(where, f"log_chain_broken: hash expected {computed.hex()}, found "
                                  f"{stored_hash.hex()}: this record's content was changed")
        (recorded_at,) = struct.unpack_from("<q", frame, 48)
        if previous_time is not None and recorded_at < previous_time:
            findings.notice(where, f"recorded at {recorded_at} is earlier than the previous record's "
                            f"{previous_time} (the clock went back; order is by position)")
        log.positions.append(stored_position)
        log.offsets.append(offset)
        log.hashes.append(stored_hash)
        offset, position, previous, previous_time = offset + length, stored_position + 1, stored_hash, recorded_at
    return log


# ---------------------------------------------------------------- signed notes, checkpoints, cosignatures


class UsageError(Exception):
    pass


class VerifierKey:
    """`name+hexkeyid+base64(type || key)`; the key id is SHA-256(name || 0x0A || type || key)[:4] (signed-note)."""

    def __init__(self, text, expected_type, what):
        parts = text.strip().split("+", 2)
        if len(parts) != 3:
            raise UsageError(f"{what}: '{text.strip()}' is not a verifier key name+keyid+key")
        self.name, key_id, material = parts
        try:
            raw = base64.b64decode(material, validate=True)
        except ValueError:
            raise UsageError(f"{what}: the key part of '{text.strip()}' is not base64")
        if len(raw) != 33 or raw[0] != expected_type:
            raise UsageError(f"{what}: '{text.strip()}' is not an Ed25519 key of type 0x{expected_type:02x}")
        self.key_id = hashlib.sha256(self.name.encode() + b"\n" + raw).digest()[:4]
        if key_id.lower() != self.key_id.hex():
            raise UsageError(f"{what}: the key id {key_id} of '{text.strip()}' is not {self.key_id.hex()}")
        self.public_key = raw[1:]

    def names(self, signature):
        return signature[0] == self.name and signature[1][:4] == self.key_id


def read_notes(text):
    """The notes of a checkpoints file: blocks separated by single empty lines, alternately a note's text and its
    signature lines. Yields (number, byte offset, text, [(name, keyid+signature bytes)], problem)."""
    lines, offset = [], 0
    if not text:
        return
    for line in text.split("\n"):
        lines.append((offset, line))
        offset += len(line.encode()) + 1
    if text.endswith("\n"):
        lines.pop()
    index, number = 0, 0
    while index < len(lines):
        number += 1
        start = lines[index][0]
        body = []
        while index < len(lines) and lines[index][1] != "":
            body.append(lines[index][1])
            index += 1
        index += 1
        signatures, problem = [], None
        while index < len(lines) and lines[index][1] != "":
            line = lines[index][1]
            parts = line[2:].split(" ") if line.startswith("\u2014 ") else []
            try:
                blob = base64.b64decode(parts[1], validate=True) if len(parts) == 2 else b""
            except ValueError:
                blob = b""
            if len(blob) < 5:
                problem = problem or f"line at byte offset {lines[index][0]} is not a signature line '— NAME BASE64'"
            else:
                signatures.append((parts[0], blob))
            index += 1
        index += 1
        if not body or not signatures:
            problem = problem or "a note is its text, an empty line and at least one signature line"
        yield number, start, "".join(line + "\n" for line in body), signatures, problem


class Policy:
    """The witness policy: `log VKEY`, `witness NAME VKEY [URL]`, `group NAME all|any|K MEMBER...`,
    `quorum NAME|none`; `#` starts a comment; a name is used only after the line that defines it."""

    def __init__(self, text):
        self.logs, self.witnesses, self.rules, self.quorum = [], {}, {}, None
        for number, raw in enumerate(text.split("\n"), start=1):
            words = raw.split("#", 1)[0].split()
            if not words:
                continue
            where = f"policy line {number}"
            keyword = words[0]
            if keyword == "log" and len(words) in (2, 3):
                self.logs.append(VerifierKey(words[1], 0x01, where))
            elif keyword == "witness" and len(words) in (3, 4):
                self.define(words[1], where)
                self.witnesses[words[1]] = VerifierKey(words[2], 0x04, where)
                self.rules[words[1]] = ("witness", words[1])
            elif keyword == "group" and len(words) >= 4:
                self.define(words[1], where)
                members = [self.rule(member, where) for member in words[3:]]
                if "none" in words[3:] or len(set(words[3:])) != len(members):
                    raise UsageError(f"{where}: a group lists each member once, and not 'none'")
                threshold = {"all": len(members), "any": 1}.get(words[2])
                if threshold is None:
                    if not words[2].isdigit() or not 1 <= int(words[2]) <= len(members):
                        raise UsageError(f"{where}: the threshold '{words[2]}' is not all, any or 1 to {len(members)}")
                    threshold = int(words[2])
                self.rules[words[1]] = ("group", threshold, members)
            elif keyword == "quorum" and len(words) == 2:
                if self.quorum is not None:
                    raise UsageError(f"{where}: a policy has exactly one quorum line")
                self.quorum = self.rule(words[1], where)
            else:
                raise UsageError(f"{where}: write 'log VKEY', 'witness NAME VKEY [URL]', 'group NAME all|any|K "
                                 "MEMBER...' or 'quorum NAME|none'")
        if self.quorum is None:
            raise UsageError("the policy has no quorum line; add 'quorum NAME' or 'quorum none'")

    def define(self, name, where):
        if name == "none" or name in self.rules:
            raise UsageError(f"{where}: the name '{name}' is already defined (or is 'none')")

    def rule(self, name, where):
        if name == "none":
            return ("none",)
        if name not in self.rules:
            raise UsageError(f"{where}: '{name}' is not a witness or group defined on an earlier line")
        return self.rules[name]

    def satisfied(self, names, rule=None):
        rule = self.quorum if rule is None else rule
        if rule[0] == "none":
            return True
        if rule[0] == "witness":
            return rule[1] in names
        return sum(1 for member in rule[2] if self.satisfied(names, member)) >= rule[1]


def parse_checkpoint(text):
    """(origin, size, root) of a checkpoint body, or a string saying what is wrong (tlog-checkpoint)."""
    lines = text.split("\n")[:-1]
    if len(lines) < 3:
        return "a checkpoint has an origin, a size and a root line"
    size_text = lines[1]
    if not size_text.isdigit() or not size_text.isascii() or (size_text != "0" and size_text.startswith("0")):
        return f"the size '{size_text}' is not a decimal number without leading zeros"
    try:
        root = base64.b64decode(lines[2], validate=True)
    except ValueError:
        root = b""
    if len(root) != 32 or base64.b64encode(root).decode() != lines[2]:
        return f"the root '{lines[2]}' is not the base64 of 32 bytes"
    return lines[0], int(size_text), root


class Checkpoint:
    def __init__(self, number, offset, size, root, witnesses):
        self.number, self.offset, self.size, self.root, self.witnesses = number, offset, size, root, witnesses

    def where(self):
        return f"checkpoint {self.number} (size {self.size}), byte offset {self.offset} of checkpoints"


def check_checkpoints(text, log_key, policy, findings):
    """Every note: the log's signature, the origin, and each policy witness's cosignature. Returns the checkpoints
    whose note is sound, for the comparison with the log."""
    sound = []
    for number, offset, body, signatures, problem in read_notes(text):
        where = f"checkpoint {number}, byte offset {offset} of checkpoints"
        if problem:
            findings.manipulation(where, f"not a signed note: {problem}")
            continue
        parsed = parse_checkpoint(body)
        if isinstance(parsed, str):
            findings.manipulation(where, f"not a checkpoint: {parsed}")
            continue
        origin, size, root = parsed
        where = f"checkpoint {number} (size {size}), byte offset {offset} of checkpoints"
        faults = findings.manipulations
        own = [signature for signature in signatures if log_key.names(signature)]
        if not own:
            findings.manipulation(where, f"the checkpoint carries no signature of the log's key {log_key.name} "
                                  f"{log_key.key_id.hex()}: it was not issued by this log")
        for signature in own:
            if not ed25519_verify(log_key.public_key, body.encode(), signature[1][4:]):
                findings.manipulation(where, "the log's signature does not verify: the checkpoint was forged or "
                                      "changed")
        if origin != log_key.name:
            findings.manipulation(where, f"the origin is '{origin}', not '{log_key.name}': a checkpoint of another log")
        witnesses = {}
        for signature in signatures:
            names = [name for name, key in policy.witnesses.items() if key.names(signature)]
            if not names:
                if not log_key.names(signature):
                    findings.notice(where, f"a signature by {signature[0]} {signature[1][:4].hex()}, a key the policy "
                                    "does not name, was not checked")
                continue
            blob = signature[1]
            (timestamp,) = struct.unpack(">Q", blob[4:12]) if len(blob) >= 12 else (None,)
            message = f"cosignature/v1\ntime {timestamp}\n".encode() + body.encode()
            key = policy.witnesses[names[0]]
            if len(blob) != 76 or timestamp >= 2**63 or not ed25519_verify(key.public_key, message, blob[12:]):
                findings.manipulation(where, f"the cosignature of witness {names[0]} does not verify")
            else:
                witnesses[names[0]] = timestamp
        if findings.manipulations == faults:
            sound.append(Checkpoint(number, offset, size, root, witnesses))
    return sound


def check_against_log(log, checkpoints, policy, findings):
    """Each checkpoint's root against the Merkle tree of the log's first `size` records; then the gap: the records
    after the largest checkpoint that meets the quorum."""
    count = len(log.hashes)
    by_size = sorted(checkpoints, key=lambda checkpoint: checkpoint.size)
    tree, matched, covered, index = CompactRange(), 0, 0, 0
    for checkpoint in by_size:
        if checkpoint.size > count:
            findings.manipulation(checkpoint.where(), f"the checkpoint covers {checkpoint.size} records but the log "
                                  f"has {count} (it ends at byte offset {log.size_bytes}): acknowledged records were "
                                  f"removed or the log rolled back, from position {count + 1}")
            continue
        while index < checkpoint.size:
            tree.append(leaf_hash(log.hashes[index]))
            index += 1
        if tree.root() != checkpoint.root:
            first = matched + 1
            findings.manipulation(checkpoint.where(), f"the log's first {checkpoint.size} records have root "
                                  f"{base64.b64encode(tree.root()).decode()}, not the signed "
                                  f"{base64.b64encode(checkpoint.root).decode()}: a record in positions {first} to "
                                  f"{checkpoint.size} (from byte offset {log.offsets[first - 1]}) was rewritten")
            continue
        matched = max(matched, checkpoint.size)
        if policy.satisfied(set(checkpoint.witnesses)):
            covered = max(covered, checkpoint.size)
        else:
            cosigned = ", ".join(sorted(checkpoint.witnesses)) or "no witness"
            findings.notice(checkpoint.where(), f"cosigned by {cosigned}: short of the policy's quorum")
    if covered < count:
        what = "a checkpoint that meets the quorum" if matched >= count else "a checkpoint that agrees with the log"
        findings.gap(at_record(covered + 1, log.offsets[covered]), f"positions {covered + 1} to {count} are not "
                     f"covered by {what}: they could be changed without contradicting a signed checkpoint")
    return matched


# ---------------------------------------------------------------- command line


def read_file(path, what):
    try:
        with open(path, "rb") as file:
            return file.read()
    except OSError as error:
        raise UsageError(f"cannot read {what} {path}: {error.strerror}")


def verify_log_file(path):
    findings = Findings()
    data = read_file(path, "the log")
    log = check_log(data, findings)
    if log is not None:
        head = log.hashes[-1].hex() if log.hashes else GENESIS.hex()
        print(f"checked {len(log.hashes)} records ({len(data)} bytes), chain head "
              f"({log.positions[-1] if log.positions else 0}, {head})")
    return findings.exit_status()


def verify_evidence(folder, key_path, policy_path):
    findings = Findings()
    key_text = read_file(key_path or os.path.join(folder, "log.key"), "the log's verifier key").decode()
    log_key = VerifierKey(key_text, 0x01, "log.key")
    policy = Policy(read_file(policy_path or os.path.join(folder, "policy"), "the witness policy").decode())
    if policy.logs and not any(key.public_key == log_key.public_key and key.name == log_key.name
                               for key in policy.logs):
        raise UsageError("the log key is not one of the policy's log lines")
    if not key_path or not policy_path:
        findings.notice(folder, "the log key or the policy was read from the evidence folder itself: compare them "
                        "with copies you obtained independently (--key, --policy)")
    data = read_file(os.path.join(folder, "ledger.log"), "the log")
    checkpoints_bytes = read_file(os.path.join(folder, "checkpoints"), "the checkpoints")
    log = check_log(data, findings)
    if log is None:
        return findings.exit_status()
    try:
        checkpoints_text = checkpoints_bytes.decode("utf-8")
    except UnicodeDecodeError as error:
        findings.manipulation(f"byte offset {error.start} of checkpoints", "the checkpoints are not UTF-8 text from "
                              "here on; only the notes before this offset were checked")
        checkpoints_text = checkpoints_bytes[:error.start].decode("utf-8")
    checkpoints = check_checkpoints(checkpoints_text, log_key, policy, findings)
    matched = check_against_log(log, checkpoints, policy, findings)
    head = log.hashes[-1].hex() if log.hashes else GENESIS.hex()
    print(f"checked {len(log.hashes)} records ({len(data)} bytes), chain head ({len(log.hashes)}, {head}); "
          f"{len(checkpoints)} validly signed checkpoints, the log agrees with them up to size {matched}")
    return findings.exit_status()


def self_test():
    vectors = [  # RFC 8032, section 7.1, TEST 1 to 3: public key, message, signature
        ("d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a", "",
         "e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe"
         "24655141438e7a100b"),
        ("3d4017c3e843895a92b70aa74d1b7ebc9c982ccf2ec4968cc0cd55f12af4660c", "72",
         "92a009a9f0d4cab8720e820b5f642540a2b27b5416503f8fb3762223ebdb69da085ac1e43e15996e458f3613d0f11d8c387b2eaeb430"
         "2aeeb00d291612bb0c00"),
        ("fc51cd8e6218a1a38da47ed00230f0580816ed13ba3303ac5deb911548908025", "af82",
         "6291d657deec24024827e69c3abe01a30ce548a284743a445e3680d7db5ac3ac18ff9b538d16f290ae67f760984dc6594a7c15e9716e"
         "d28dc027beceea1ec40a"),
    ]
    failures = []
    for number, (key, message, signature) in enumerate(vectors, start=1):
        key, message, signature = bytes.fromhex(key), bytes.fromhex(message), bytes.fromhex(signature)
        if not ed25519_verify(key, message, signature):
            failures.append(f"RFC 8032 test {number} does not verify")
        if ed25519_verify(key, message + b"!", signature):
            failures.append(f"RFC 8032 test {number} verifies a changed message")
        changed = bytes([signature[0] ^ 1]) + signature[1:]
        if ed25519_verify(key, message, changed) or ed25519_verify(key, message, signature[:32] + bytes(32)):
            failures.append(f"RFC 8032 test {number} verifies a changed signature")
    # The signed note of Go's golang.org/x/mod/sumdb/note tests: key id, note format and signature.
    go_key = VerifierKey("PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW", 0x01, "Go's test key")
    go_note = ("If you think cryptography is the answer to your problem,\nthen you don't know what your problem is.\n"
               "\n\u2014 PeterNeumann x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6K"
               "E6RyyBwJnAM=\n\n")
    (_, _, go_text, go_signatures, go_problem), = read_notes(go_note)
    if go_problem or not go_key.names(go_signatures[0]) or not ed25519_verify(
            go_key.public_key, go_text.encode(), go_signatures[0][1][4:]):
        failures.append("the signed note of Go's sumdb/note tests does not verify")
    if crc32c(b"123456789") != 0xE3069283 or crc32c(bytes(32)) != 0x8A9136AA:
        failures.append("CRC-32C check values")
    for size in range(40):
        data = hashlib.sha256(bytes([size])).digest()[:size % 33] * (1 + size // 33)
        crc = 0xFFFFFFFF
        for byte in data:
            crc ^= byte
            for _ in range(8):
                crc = (crc >> 1) ^ 0x82F63B78 if crc & 1 else crc >> 1
        if crc32c(data) != crc ^ 0xFFFFFFFF:
            failures.append(f"CRC-32C by 8 bytes differs from bit by bit on {len(data)} bytes")
    tree = CompactRange()
    for entry in [b"", b"\x00", b"\x10", b"\x20\x21", b"\x30\x31", b"\x40\x41\x42\x43"]:
        tree.append(leaf_hash(entry))
    if tree.root().hex() != "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef":
        failures.append("the RFC 6962 root of 6 test leaves")
    for failure in failures:
        print(f"self-test failed: {failure}")
    if not failures:
        print("self-test passed: RFC 8032 Ed25519 tests 1-3, Go's sumdb/note signed note, CRC-32C check values, "
              "RFC 6962 Merkle root")
    return MANIPULATION if failures else CLEAN


def main(arguments):
    options, positional = {}, []
    iterator = iter(arguments)
    for argument in iterator:
        if argument in ("--key", "--policy"):
            options[argument] = next(iterator, None)
            if options[argument] is None:
                raise UsageError(f"{argument} needs a file")
        elif argument in ("-h", "--help"):
            print(__doc__)
            return CLEAN
        elif argument == "--self-test" or not argument.startswith("-"):
            positional.append(argument)
        else:
            raise UsageError(f"unknown option {argument}")
    if positional == ["--self-test"] and not options:
        return self_test()
    if len(positional) != 1:
        raise UsageError("give one evidence folder, one log file, or --self-test")
    if os.path.isdir(positional[0]):
        return verify_evidence(positional[0], options.get("--key"), options.get("--policy"))
    if options:
        raise UsageError("--key and --policy go with an evidence folder")
    return verify_log_file(positional[0])


if __name__ == "__main__":
    try:
        sys.exit(main(sys.argv[1:]))
    except UsageError as error:
        print(f"usage error: {error}", file=sys.stderr)
        print("usage: verify.py DIR [--key FILE] [--policy FILE] | verify.py LOG_FILE | verify.py --self-test",
              file=sys.stderr)
        sys.exit(USAGE)
