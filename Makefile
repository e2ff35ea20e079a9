# prdlint: build, test and measure.
GO      ?= go
BIN     ?= bin/prdlint
EVAL    ?= ../shared/eval/dev.jsonl
SCORE   ?= ../shared/eval/score
# The accuracy floor CI holds the dev set to.
MIN_PRECISION ?= 0.75
MIN_F1        ?= 0.60

.PHONY: all build test vet fmt-check eval eval-floor bench clean fuzz race

all: build

build:
	$(GO) build -o $(BIN) ./cmd/prdlint

test:
	$(GO) test ./...

vet:
	$(GO) vet ./...

fmt-check:
	@out=$$(gofmt -l $$(git ls-files '*.go')); if [ -n "$$out" ]; then echo "gofmt needed:"; echo "$$out"; exit 1; fi

# The scorer's report with every miss and false alarm.
eval: build
	$(SCORE) $(EVAL) --verbose -- $(BIN) lint --format json

# Fails when the dev set falls below the floor.
eval-floor: build
	$(SCORE) $(EVAL) --min-precision $(MIN_PRECISION) --min-f1 $(MIN_F1) -- $(BIN) lint --format json

bench:
	$(GO) test -run '^$$' -bench . -benchmem ./...

clean:
	rm -rf bin

# Fuzzes each target for FUZZTIME; a failing input is saved under the
# package's testdata/fuzz and from then on runs with go test as a
# regression test.
FUZZTIME ?= 60s
FUZZ_TARGETS ?= ./lint:FuzzParse ./cmd/prdlint:FuzzLint

fuzz:
	@set -e; for t in $(FUZZ_TARGETS); do \
		echo "== $${t#*:} ($${t%%:*}, $(FUZZTIME))"; \
		$(GO) test $${t%%:*} -run '^$$' -fuzz "^$${t#*:}$$" -fuzztime $(FUZZTIME) -fuzzminimizetime 10s; \
	done

# The race detector over the packages that run work concurrently.
RACE_PKGS ?= ./lint/... ./cmd/prdlint

race:
	$(GO) test -race $(RACE_PKGS)
