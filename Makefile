# Fuzz the bundle reader (crates/normdesk-sync/src/read.rs) with cargo-fuzz on the nightly
# toolchain; FUZZ_SECONDS bounds the run. New inputs go to fuzz/corpus (not committed).
.PHONY: fuzz
fuzz:
	command -v cargo-fuzz >/dev/null || cargo install cargo-fuzz --locked
	mkdir -p fuzz/corpus/bundle_reader
	cd fuzz && cargo +nightly fuzz run bundle_reader corpus/bundle_reader seeds -- -max_total_time=$${FUZZ_SECONDS:-60} -rss_limit_mb=1024
