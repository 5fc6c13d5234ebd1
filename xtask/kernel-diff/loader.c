// veristep kernel-diff loader: runs as the VM's /init child. For every
// program of every object named on the command line it opens the object
// afresh, loads only that program (libbpf lays it out and relocates it)
// with a verifier log, and prints one JSON line:
//   VSK {"object":N,"program":"...","section":"...","verdict":"accepted|rejected|error","errno":E,"log":"..."}
// then "VSK-END". Before each load it prints "VSK-START N I" (object N,
// program I), so that a VM stopped by its time budget tells which program
// it was in; "/resume" ("N I") makes a new boot begin at that program.
// Statically linked against Debian's libbpf.
#define _GNU_SOURCE /* tdestroy */
#include <dirent.h>
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <search.h>
#include <unistd.h>
#include <bpf/btf.h>
#include <bpf/libbpf.h>

/* elfutils 0.192's static libelf.a (bookworm-backports, which new machines
 * of this kind carry) calls its search-tree helpers but leaves them out of
 * the archive. The tree's root is the first member of its search_tree, and
 * this loader is single-threaded, so the plain tsearch(3) family stands in.
 * Weak: a libelf.a that defines them wins. */
__attribute__((weak)) void eu_search_tree_init(void **tree) { *tree = NULL; }
__attribute__((weak)) void eu_search_tree_fini(void **tree, void (*free_node)(void *))
{
	tdestroy(*tree, free_node);
	*tree = NULL;
}
__attribute__((weak)) void *eu_tsearch(const void *key, void **tree,
				       int (*cmp)(const void *, const void *))
{
	return tsearch(key, tree, cmp);
}
__attribute__((weak)) void *eu_tfind(const void *key, void **tree,
				     int (*cmp)(const void *, const void *))
{
	return tfind(key, tree, cmp);
}
__attribute__((weak)) void *eu_tdelete(const void *key, void **tree,
				       int (*cmp)(const void *, const void *))
{
	return tdelete(key, tree, cmp);
}

#define LOG_SIZE (16u << 20)
static char logbuf[LOG_SIZE];

static void json_str(const char *s)
{
	putchar('"');
	for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
		switch (*p) {
		case '"': fputs("\\\"", stdout); break;
		case '\\': fputs("\\\\", stdout); break;
		case '\n': fputs("\\n", stdout); break;
		case '\t': fputs("\\t", stdout); break;
		default:
			if (*p < 0x20 || *p >= 0x7f)
				printf("\\u%04x", *p);
			else
				putchar(*p);
		}
	}
	putchar('"');
}

/* libbpf's warnings of the current load: why it failed before the
 * verifier, when it did (its debug and info lines are dropped) */
static char libbpf_msgs[1 << 16];

static int keep_warnings(enum libbpf_print_level l, const char *f, va_list a)
{
	size_t used = strlen(libbpf_msgs);

	if (l != LIBBPF_WARN || used + 1 >= sizeof(libbpf_msgs))
		return 0;
	return vsnprintf(libbpf_msgs + used, sizeof(libbpf_msgs) - used, f, a);
}

/* An object libbpf could not open: the record says why (its warnings). */
static void open_failed(int obj_index)
{
	printf("VSK {\"object\":%d,\"program\":\"\",\"section\":\"\",\"verdict\":\"error\",\"errno\":%d,\"log\":\"\",\"libbpf\":",
	       obj_index, errno);
	json_str(libbpf_msgs);
	printf("}\n");
	fflush(stdout);
}

/* Loads program number `want` of `path` alone; prints its record. */
/* Every program is judged on its own, as veristep verifies it: a map an
 * earlier load pinned (LIBBPF_PIN_BY_NAME, under the bpffs /init mounts)
 * is not there to be reused. */
static void clear_pins(void)
{
	DIR *d = opendir("/sys/fs/bpf");
	struct dirent *e;
	char path[512];

	if (!d)
		return;
	while ((e = readdir(d))) {
		if (e->d_name[0] == '.')
			continue;
		snprintf(path, sizeof(path), "/sys/fs/bpf/%s", e->d_name);
		unlink(path);
	}
	closedir(d);
}

/* A program's type set as its loader sets it (bpf_program__set_type and
 * bpf_program__set_expected_attach_type) for a section libbpf gives no
 * type: PATH.types lists "PROG SECTION", the type libbpf gives SECTION. */
static void set_prog_type(const char *path, struct bpf_program *prog)
{
	char file[512], name[256], sec[256];
	enum bpf_prog_type type;
	enum bpf_attach_type attach;
	FILE *f;

	snprintf(file, sizeof(file), "%s.types", path);
	f = fopen(file, "r");
	if (!f)
		return;
	while (fscanf(f, "%255s %255s", name, sec) == 2) {
		if (strcmp(name, bpf_program__name(prog)))
			continue;
		if (libbpf_prog_type_by_name(sec, &type, &attach) == 0) {
			bpf_program__set_type(prog, type);
			bpf_program__set_expected_attach_type(prog, attach);
		}
	}
	fclose(f);
}

/* prog_flags added as a test loader adds them (bpf_program__set_flags):
 * PATH.flags lists "PROG FLAGS", FLAGS a number. */
static void set_prog_flags(const char *path, struct bpf_program *prog)
{
	char file[512], name[256];
	unsigned int flags;
	FILE *f;

	snprintf(file, sizeof(file), "%s.flags", path);
	f = fopen(file, "r");
	if (!f)
		return;
	while (fscanf(f, "%255s %u", name, &flags) == 2) {
		if (strcmp(name, bpf_program__name(prog)))
			continue;
		bpf_program__set_flags(prog, bpf_program__flags(prog) | flags);
	}
	fclose(f);
}

/* Global variables set before the load, as a skeleton sets them
 * (rodata->NAME = VALUE): PATH.globals lists "NAME VALUE" lines, each
 * written into the initial value of its section's internal map: an integer
 * in the variable's own size, "NAME[I] VALUE" an element of an array of
 * integers, or VALUE the text of an array of bytes (the rest zero). */
static void write_global(const struct btf *btf, const struct btf_var_secinfo *vs,
			 long idx, const char *value, char *data)
{
	const struct btf_type *v = btf__type_by_id(btf, vs->type);
	const struct btf_type *t = btf__type_by_id(btf, btf__resolve_type(btf, v->type));
	long long n = strtoll(value, NULL, 0);
	size_t len = strlen(value);

	if (t && btf_is_array(t)) {
		const struct btf_array *a = btf_array(t);
		__s64 elem = btf__resolve_size(btf, a->type);

		if (idx >= 0) {
			if (elem > 0 && elem <= 8 && idx < a->nelems)
				memcpy(data + vs->offset + idx * elem, &n, elem);
			return;
		}
		if (elem == 1) {
			if (len >= 2 && value[0] == '"' && value[len - 1] == '"') {
				value++;
				len -= 2;
			}
			memset(data + vs->offset, 0, vs->size);
			memcpy(data + vs->offset, value, len < vs->size ? len : vs->size);
			return;
		}
	}
	if (idx < 0 && vs->size <= 8)
		memcpy(data + vs->offset, &n, vs->size);
}

static void set_globals(const char *path, struct bpf_object *obj)
{
	const struct btf *btf = bpf_object__btf(obj);
	char file[512], line[1024], name[256], value[512];
	FILE *f;

	snprintf(file, sizeof(file), "%s.globals", path);
	f = fopen(file, "r");
	if (!f || !btf) {
		if (f)
			fclose(f);
		return;
	}
	while (fgets(line, sizeof(line), f)) {
		char *bracket;
		long idx = -1;

		if (sscanf(line, "%255s %511[^\n]", name, value) != 2)
			continue;
		bracket = strchr(name, '[');
		if (bracket) {
			idx = strtol(bracket + 1, NULL, 0);
			*bracket = 0;
		}
		for (__u32 id = 1; id < btf__type_cnt(btf); id++) {
			const struct btf_type *t = btf__type_by_id(btf, id);
			const struct btf_var_secinfo *vs;
			const char *sec;
			struct bpf_map *map;

			if (!btf_is_datasec(t))
				continue;
			sec = btf__name_by_offset(btf, t->name_off);
			vs = btf_var_secinfos(t);
			for (int i = 0; i < btf_vlen(t); i++, vs++) {
				const struct btf_type *v = btf__type_by_id(btf, vs->type);

				if (strcmp(btf__name_by_offset(btf, v->name_off), name))
					continue;
				bpf_object__for_each_map(map, obj) {
					const char *m = bpf_map__name(map);
					size_t ml = strlen(m), sl = strlen(sec), sz = 0;
					char *data;

					if (!bpf_map__is_internal(map) || ml < sl ||
					    strcmp(m + ml - sl, sec))
						continue;
					data = bpf_map__initial_value(map, &sz);
					if (data && vs->offset + vs->size <= sz)
						write_global(btf, vs, idx, value, data);
				}
			}
		}
	}
	fclose(f);
}

static void load_one(int obj_index, const char *path, int want, int level)
{
	struct bpf_object *obj;
	struct bpf_program *p, *target = NULL;
	int i = 0, err;

	clear_pins();
	libbpf_msgs[0] = 0;
	obj = bpf_object__open_file(path, NULL);

	if (!obj) {
		open_failed(obj_index);
		return;
	}
	bpf_object__for_each_program(p, obj) {
		bpf_program__set_autoload(p, i == want);
		if (i == want)
			target = p;
		i++;
	}
	set_prog_type(path, target);
	set_prog_flags(path, target);
	set_globals(path, obj);
	logbuf[0] = 0;
	libbpf_msgs[0] = 0;
	bpf_program__set_log_buf(target, logbuf, LOG_SIZE);
	bpf_program__set_log_level(target, level);
	err = bpf_object__load(obj);
	if (err && strlen(logbuf) >= LOG_SIZE - 2 && level != 4) {
		/* the log overflowed (a path of ~1M insns): ask again for
		 * the message and the statistics only (BPF_LOG_STATS) */
		bpf_object__close(obj);
		load_one(obj_index, path, want, 4);
		return;
	}
	printf("VSK {\"object\":%d,\"program\":", obj_index);
	json_str(bpf_program__name(target));
	printf(",\"section\":");
	json_str(bpf_program__section_name(target));
	/* no log at all: libbpf failed before the verifier ran */
	printf(",\"verdict\":\"%s\",\"errno\":%d,\"log\":",
	       err == 0 ? "accepted" : (logbuf[0] ? "rejected" : "error"), err < 0 ? -err : 0);
	json_str(logbuf);
	printf(",\"libbpf\":");
	json_str(libbpf_msgs);
	printf("}\n");
	fflush(stdout);
	bpf_object__close(obj);
}

int main(int argc, char **argv)
{
	int level = 1; /* the failing path only: a level-2 log of 1M insns overflows 16 MB */
	/* a developer's level-2 run (VERISTEP_KERNEL_DIFF_LOG_LEVEL=2) */
	FILE *lf = fopen("/loglevel", "r");

	if (lf) {
		if (fscanf(lf, "%d", &level) != 1)
			level = 1;
		fclose(lf);
	}

	/* a boot that goes on where a stopped one ended */
	int from_obj = 0, from_prog = 0;
	FILE *rf = fopen("/resume", "r");

	if (rf) {
		if (fscanf(rf, "%d %d", &from_obj, &from_prog) != 2)
			from_obj = from_prog = 0;
		fclose(rf);
	}

	libbpf_set_print(keep_warnings);
	for (int a = 1 + from_obj; a < argc; a++) {
		struct bpf_object *obj;
		struct bpf_program *p;
		int n = 0;

		libbpf_msgs[0] = 0;
		obj = bpf_object__open_file(argv[a], NULL);
		if (!obj) {
			open_failed(a - 1);
			continue;
		}
		bpf_object__for_each_program(p, obj)
			n++;
		bpf_object__close(obj);
		for (int i = a - 1 == from_obj ? from_prog : 0; i < n; i++) {
			printf("VSK-START %d %d\n", a - 1, i);
			fflush(stdout);
			load_one(a - 1, argv[a], i, level);
		}
	}
	printf("VSK-END\n");
	fflush(stdout);
	return 0;
}
