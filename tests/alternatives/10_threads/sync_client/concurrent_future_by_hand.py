"""Correct in another style: call() schedules the task with call_soon_threadsafe and a done
callback copies its outcome into a concurrent.futures.Future; close() stops the loop from a
gather's done callback.
"""

import asyncio
import concurrent.futures
import threading


class SyncClient:
    def __init__(self):
        self._loop = asyncio.new_event_loop()
        self._thread = threading.Thread(target=self._loop.run_forever)
        self._thread.start()

    def call(self, coro_fn, *args):
        done = concurrent.futures.Future()

        def start():
            task = asyncio.ensure_future(coro_fn(*args), loop=self._loop)

            def copy(t):
                if t.cancelled():
                    done.cancel()
                elif t.exception() is not None:
                    done.set_exception(t.exception())
                else:
                    done.set_result(t.result())

            task.add_done_callback(copy)

        self._loop.call_soon_threadsafe(start)
        return done.result()

    def close(self):
        def finish():
            tasks = asyncio.all_tasks(self._loop)
            for t in tasks:
                t.cancel()
            if tasks:
                waiter = asyncio.gather(*tasks, return_exceptions=True)
                waiter.add_done_callback(lambda _: self._loop.stop())
            else:
                self._loop.stop()

        self._loop.call_soon_threadsafe(finish)
        self._thread.join()
        self._loop.close()
