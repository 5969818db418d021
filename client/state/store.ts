import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** A value that components can watch. Small on purpose: the app has a handful of stores. */
export class Store<T> {
  #value: T;
  readonly #listeners = new Set<(value: T) => void>();

  constructor(initial: T) {
    this.#value = initial;
  }

  get value(): T {
    return this.#value;
  }

  set(value: T): void {
    this.#value = value;
    for (const listener of this.#listeners) listener(value);
  }

  update(change: (value: T) => T): void {
    this.set(change(this.#value));
  }

  subscribe(listener: (value: T) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }
}

/** Re-renders a Lit host whenever one of the stores changes, while the host is connected. */
export class StoreController implements ReactiveController {
  #unsubscribe: Array<() => void> = [];

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly stores: ReadonlyArray<{ subscribe(listener: () => void): () => void }>,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    this.#unsubscribe = this.stores.map((store) => store.subscribe(() => this.host.requestUpdate()));
  }

  hostDisconnected(): void {
    for (const off of this.#unsubscribe) off();
    this.#unsubscribe = [];
  }
}
